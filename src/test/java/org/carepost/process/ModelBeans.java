package org.carepost.process;

import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The beans of an engine-only process test, taken from the models rather than typed by hand: a bean is registered
 * under its class's Spring bean name (the class name, first letter lower-case), which is what every
 * {@code camunda:delegateExpression} in {@code processes/} names; and a test checks that every delegate the models it
 * deploys call has a bean, so a new service task or listener fails with its name instead of an engine error halfway
 * through a path. The delegates stay real (their services are mocks): camunda-platform-7-mockito's autoMock would
 * mock the delegates themselves, and the glue they contain (variables read and written) would go untested.
 */
public final class ModelBeans {

    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

    private ModelBeans() {
    }

    /** Registers each bean under its bean name, then checks the test's models have every delegate they call. */
    public static void register(Class<?> test, Object... beans) {
        for (Object bean : beans) {
            register(bean);
        }
        assertComplete(test);
    }

    /** Registers the bean under its class's bean name (a later call replaces it: a test's own variant). */
    public static void register(Object bean) {
        Mocks.register(beanName(bean.getClass()), bean);
    }

    static String beanName(Class<?> type) {
        return Introspector.decapitalize(type.getSimpleName());
    }

    /** Fails naming each delegate the test's deployed models call that has no registered bean. */
    public static void assertComplete(Class<?> test) {
        List<String> missing = delegatesOf(test).stream().filter(name -> Mocks.get(name) == null).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("the models " + test.getSimpleName() + " deploys call delegates without a bean: "
                    + missing + " (register them with ModelBeans.register)");
        }
    }

    /** The delegate bean names of every BPMN model in the test's {@code @Deployment}. */
    public static Set<String> delegatesOf(Class<?> test) {
        Deployment deployment = test.getAnnotation(Deployment.class);
        if (deployment == null) {
            throw new IllegalArgumentException(test.getSimpleName() + " has no @Deployment");
        }
        Set<String> names = new TreeSet<>();
        for (String resource : deployment.resources()) {
            if (!resource.endsWith(".bpmn")) {
                continue;
            }
            try (InputStream in = ModelBeans.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no such model on the test classpath: " + resource);
                }
                Matcher m = DELEGATE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }
}
