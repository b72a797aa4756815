package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The API's OpenAPI document is valid and lists every endpoint under /api that Spring MVC serves, no more. */
@PostgresApplicationTest
class OpenApiPostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void theDocumentIsValidOpenApiAndListsEveryApiEndpoint() {
        ApiClient.Reply reply = api.get("/v3/api-docs", "alice");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.body(), null, null);
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        OpenAPI document = parsed.getOpenAPI();
        assertThat(document.getInfo().getTitle()).isEqualTo("CarePost API");
        assertThat(document.getComponents().getSecuritySchemes()).containsKey("basic");

        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods().stream().map(RequestMethod::name)
                        .forEach(m -> served.add(m + " " + pattern))));
        assertThat(served).hasSizeGreaterThan(15);
        assertThat(documented).isEqualTo(served);
        assertThat(document.getPaths().get("/api/content").getPost().getRequestBody()).isNotNull();
        assertThat(document.getPaths()).doesNotContainKeys("/audit", "/analytics");
    }

    @Test
    void swaggerUiForLoggedInUsersOnly() {
        assertThat(api.get("/swagger-ui/index.html", "audrey").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(401);
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(401);
    }
}
