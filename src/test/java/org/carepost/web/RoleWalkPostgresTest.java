package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.runtime.Job;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks every endpoint of Camunda's REST API (discovered from the JAX-RS resources Camunda registers, sub-resources
 * included, not from a list of ours) as each demo role, with real ids of a draft in review, and compares what each
 * role got past authentication and authorization with the table in docs/security.md ("What each role can do, as
 * tested"): deny by default, so an endpoint that succeeds (2xx) for a role the table does not list fails the test,
 * and so does a listed one that no longer succeeds. Each endpoint gets the simplest request (no body, or {}): an
 * endpoint that needs more input answers 400 whoever asks, so "not listed" means "refused, or not possible
 * without more input", never "allowed". The paths under /engine/{name} are the same resources for a named engine:
 * each has its default-engine twin, which is walked. On a difference the observed table is written to
 * target/role-walk.md. The administrator (camunda-admin) has ALL on every resource by Camunda's convention and
 * is not walked (what they see is checked on its own); omar and olga have the rights of alice and carl in another department.
 */
@PostgresApplicationTest
class RoleWalkPostgresTest {

    static final List<String> ROLES = List.of("alice", "pat", "lee", "bria", "mia", "cole", "carl", "audrey", "otto");
    static final String BEGIN = "<!-- role-walk:begin -->";
    static final String END = "<!-- role-walk:end -->";
    private static final java.nio.file.Path DOCS = java.nio.file.Path.of("docs/security.md");
    private static final java.nio.file.Path OBSERVED = java.nio.file.Path.of("target/role-walk.md");
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE");

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    FilterService filterService;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    record Endpoint(String method, String path, boolean multipart) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            int byPath = path.compareTo(o.path);
            return byPath != 0 ? byPath : method.compareTo(o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyRoleReachesExactlyTheEndpointsTheSecurityTableLists() throws IOException {
        List<Endpoint> all = endpoints();
        assertThat(all).as("Camunda's REST endpoints found").hasSizeGreaterThan(300);
        List<Endpoint> endpoints = all.stream().filter(e -> !e.path().startsWith("/engine/{name}/")).toList();
        Set<String> walked = endpoints.stream().map(Endpoint::toString).collect(Collectors.toSet());
        assertThat(all.stream().filter(e -> e.path().startsWith("/engine/{name}/"))
                .map(e -> e.method() + " " + e.path().substring("/engine/{name}".length())))
                .as("every named-engine endpoint has its default-engine twin").allMatch(walked::contains);
        Map<String, String> ids = fixtures();

        Map<Endpoint, Set<String>> reached = new TreeMap<>();
        for (String role : ROLES) {
            for (Endpoint endpoint : endpoints) {
                int status = send(endpoint, fill(endpoint.path(), ids), role);
                assertThat(status).as(endpoint + " as " + role + ": the user logs in").isNotEqualTo(401);
                if (status >= 200 && status < 300) {
                    reached.computeIfAbsent(endpoint, e -> new TreeSet<>()).add(role);
                }
            }
        }
        String observed = table(reached);
        String documented = documentedTable();
        if (!observed.equals(documented)) {
            Files.createDirectories(OBSERVED.getParent());
            Files.writeString(OBSERVED, observed);
        }
        assertThat(observed).as("what each role reached differs from docs/security.md (observed: " + OBSERVED + ")")
                .isEqualTo(documented);
    }

    /**
     * The administrator walks no table: camunda-admin has ALL on every resource (identity.IdentitySetup). Here they
     * see a deployment, a running instance, its incident and an authorization on both REST APIs, /engine-rest with
     * HTTP Basic and the webapps' REST with a webapp login, where a privacy officer sees none of the instance's.
     */
    @Test
    void theAdministratorSeesDeploymentInstanceIncidentAndAuthorizationOnBothRestApisAReviewerDoesNot() {
        ApiClient api = new ApiClient(port);
        ApiClient.Reply draft = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Flu shots all week.",
                "[\"linkedin\"]", Instant.now().plusSeconds(86_400)));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String pid = draft.json().get("processInstanceId").asText();
        // A failed job, deterministically: retries 0 opens a failedJob incident (as the engine, no user).
        Job job = managementService.createJobQuery().processInstanceId(pid).list().get(0);
        managementService.setJobRetries(job.getId(), 0);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pid).count()).isEqualTo(1);
        String deployment = repositoryService.getProcessDefinition(
                runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult().getProcessDefinitionId())
                .getDeploymentId();
        String[] queries = {"/deployment?id=" + deployment, "/process-instance?processInstanceIds=" + pid,
                "/incident?processInstanceId=" + pid, "/authorization?groupIdIn=auditors"};

        WebappSession session = new WebappSession(port);
        assertThat(session.login("admin").status()).isEqualTo(200);
        for (String query : queries) {
            ApiClient.Reply basic = api.get("/engine-rest" + query, "admin");
            assertThat(basic.status()).as(query + ": " + basic.body()).isEqualTo(200);
            assertThat(basic.json().size()).as("/engine-rest" + query).isGreaterThanOrEqualTo(1);
            ApiClient.Reply webapps = session.get(WebappSession.ENGINE_API + query);
            assertThat(webapps.status()).as(query + ": " + webapps.body()).isEqualTo(200);
            assertThat(webapps.json().size()).as(WebappSession.ENGINE_API + query).isEqualTo(basic.json().size());
        }
        assertThat(api.get("/engine-rest/incident?processInstanceId=" + pid, "admin").json().get(0)
                .get("incidentType").asText()).isEqualTo("failedJob");
        // Not everybody: the privacy officer reviews the draft but reads neither its instance nor its incident nor its
        // job. (Operations see them, and no variable: OperationsCockpitPostgresTest.)
        for (String query : List.of("/process-instance?processInstanceIds=" + pid, "/incident?processInstanceId=" + pid,
                "/job?processInstanceId=" + pid)) {
            ApiClient.Reply reply = api.get("/engine-rest" + query, "pat");
            assertThat(reply.status()).as("pat " + query).isEqualTo(200);
            assertThat(reply.json().size()).as("pat " + query).isZero();
        }
        // Nor may she retry it: ReservedOperations keeps retries to operations and administrators.
        ApiClient.Reply retry = api.send("PUT", "/engine-rest/job/" + job.getId() + "/retries", "pat", "{\"retries\":1}");
        assertThat(retry.status()).as(retry.body()).isEqualTo(403);
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        managementService.setJobRetries(job.getId(), 1); // the walk's own draft keeps its timer
    }

    /** Every (method, path) of the resources Camunda's REST registers, following sub-resource locators. */
    static List<Endpoint> endpoints() {
        Set<Endpoint> found = new TreeSet<>();
        for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
            Path root = pathOf(resource);
            if (root != null) {
                walk(resource, root.value(), found, 0);
            }
        }
        return new ArrayList<>(found);
    }

    private static void walk(Class<?> type, String prefix, Set<Endpoint> found, int depth) {
        if (depth > 8) {
            return;
        }
        for (Method method : type.getMethods()) {
            Path path = annotation(method, Path.class);
            String verb = verb(method);
            String full = normalise(prefix + (path == null ? "" : "/" + path.value()));
            if (verb != null) {
                if (VERBS.contains(verb)) {
                    Consumes consumes = annotation(method, Consumes.class);
                    boolean multipart = consumes != null && String.join(",", consumes.value()).contains("multipart");
                    found.add(new Endpoint(verb, full, multipart));
                }
            } else if (path != null && method.getReturnType() != Void.TYPE && !method.getReturnType().isPrimitive()) {
                walk(method.getReturnType(), full, found, depth + 1);
            }
        }
    }

    private static String normalise(String path) {
        return path.replaceAll("/+", "/").replaceAll("\\{([A-Za-z0-9_-]+)\\s*(:[^}]*)?}", "{$1}").replaceAll("/$", "");
    }

    private static String verb(Method method) {
        for (Annotation a : annotations(method)) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** JAX-RS annotations sit on Camunda's interfaces, not on the implementations. */
    private static <A extends Annotation> A annotation(Method method, Class<A> type) {
        for (Annotation a : annotations(method)) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    private static List<Annotation> annotations(Method method) {
        List<Annotation> all = new ArrayList<>(List.of(method.getAnnotations()));
        for (Class<?> type : interfacesOf(method.getDeclaringClass())) {
            try {
                all.addAll(List.of(type.getMethod(method.getName(), method.getParameterTypes()).getAnnotations()));
            } catch (NoSuchMethodException e) {
                // not declared there
            }
        }
        return all;
    }

    private static Path pathOf(Class<?> type) {
        for (Class<?> candidate : interfacesOf(type)) {
            if (candidate.getAnnotation(Path.class) != null) {
                return candidate.getAnnotation(Path.class);
            }
        }
        return type.getAnnotation(Path.class);
    }

    private static Set<Class<?>> interfacesOf(Class<?> type) {
        Set<Class<?>> all = new java.util.LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            collect(c, all);
        }
        return all;
    }

    private static void collect(Class<?> type, Set<Class<?>> all) {
        for (Class<?> i : type.getInterfaces()) {
            if (all.add(i)) {
                collect(i, all);
            }
        }
    }

    /** Real ids: a draft in review (its process, task, timer job), its definitions and deployment, a filter. */
    private Map<String, String> fixtures() {
        ApiClient api = new ApiClient(port);
        ApiClient.Reply draft = api.post("/api/content", "alice", ContentJourneyPostgresTest.draft("Flu shots all week.",
                "[\"linkedin\"]", Instant.now().plusSeconds(86_400)));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String pid = draft.json().get("processInstanceId").asText();
        var task = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("privacyReview").singleResult();
        Job job = managementService.createJobQuery().processInstanceId(pid).list().get(0);
        var definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
        var decision = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("review-routing")
                .latestVersion().singleResult();
        if (identityService.createUserQuery().userId("walkvictim").count() == 0) {
            User victim = identityService.newUser("walkvictim");
            victim.setFirstName("Walk");
            victim.setLastName("Victim");
            victim.setPassword("walkvictim-Passw0rd");
            identityService.saveUser(victim);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("task", task.getId());
        ids.put("process-instance", pid);
        ids.put("execution", pid);
        ids.put("process-definition", definition.getId());
        ids.put("process-definition/key", definition.getKey());
        ids.put("decision-definition", decision.getId());
        ids.put("decision-definition/key", decision.getKey());
        ids.put("decision-requirements-definition", "none");
        ids.put("deployment", definition.getDeploymentId());
        ids.put("resources", repositoryService.getDeploymentResources(definition.getDeploymentId()).get(0).getId());
        ids.put("job", job.getId());
        ids.put("job-definition", job.getJobDefinitionId());
        ids.put("filter", emptyFilter());
        ids.put("user", "walkvictim");
        ids.put("group", "authors");
        ids.put("members", "walkvictim");
        ids.put("variables", "contentId");
        ids.put("localVariables", "contentId");
        return ids;
    }

    /** A shared filter that matches no task, so its single result does not depend on what other tests left. */
    private String emptyFilter() {
        var existing = filterService.createFilterQuery().filterName("role walk (matches nothing)").list();
        if (!existing.isEmpty()) {
            return existing.get(0).getId();
        }
        var filter = filterService.newTaskFilter("role walk (matches nothing)");
        filter.setQuery(taskService.createTaskQuery().taskId("no-such-task"));
        return filterService.saveFilter(filter).getId();
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    /** Each path parameter gets the id of the resource named before it ("/task/{id}" a task id), or "none". */
    static String fill(String template, Map<String, String> ids) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String[] segments = before.split("/");
            String last = segments.length > 0 ? segments[segments.length - 1] : "";
            String lastTwo = segments.length > 1 ? segments[segments.length - 2] + "/" + last : last;
            String value = ids.getOrDefault(lastTwo, ids.getOrDefault(last, "none"));
            if (before.contains("/history/") && !"process-instance".equals(last)) {
                value = "none"; // historic ids of other kinds are not set up
            }
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private int send(Endpoint endpoint, String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest" + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)));
        if (endpoint.method().equals("GET") || endpoint.method().equals("DELETE")) {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        } else if (endpoint.multipart()) {
            request.header("Content-Type", "multipart/form-data; boundary=walk").method(endpoint.method(),
                    HttpRequest.BodyPublishers.ofString("--walk\r\nContent-Disposition: form-data; name=\"data\"; "
                            + "filename=\"x\"\r\n\r\nx\r\n--walk--\r\n"));
        } else {
            request.header("Content-Type", "application/json").method(endpoint.method(),
                    HttpRequest.BodyPublishers.ofString("{}"));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError(endpoint + " as " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The Markdown table of docs/security.md: one row per endpoint that succeeded for some role, a column per role. */
    static String table(Map<Endpoint, Set<String>> reached) {
        StringBuilder out = new StringBuilder();
        out.append("| endpoint (under /engine-rest and /camunda/api/engine/engine/default) | ")
                .append(String.join(" | ", ROLES)).append(" |\n|---|")
                .append(ROLES.stream().map(r -> "---").collect(Collectors.joining("|"))).append("|\n");
        reached.forEach((endpoint, roles) -> out.append("| `").append(endpoint).append("` | ")
                .append(ROLES.stream().map(r -> roles.contains(r) ? "yes" : "").collect(Collectors.joining(" | ")))
                .append(" |\n"));
        return out.toString();
    }

    private static String documentedTable() throws IOException {
        String docs = Files.readString(DOCS);
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        assertThat(begin).as("docs/security.md has the role-walk table markers").isNotNegative();
        return docs.substring(begin + BEGIN.length(), end).strip() + "\n";
    }
}
