package org.carepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carepost.ApiClient;
import org.carepost.PostgresApplicationTest;
import org.carepost.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session bridge: a user logged in to the Camunda webapps reaches CarePost's own pages with the same session
 * cookie, as the groups allow; a change in the session needs the page's CSRF token; the webapps' logout ends it.
 */
@PostgresApplicationTest
class WebappSessionBridgePostgresTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    @LocalServerPort
    int port;

    WebappSession browser;

    @BeforeEach
    void setUp() {
        browser = new WebappSession(port);
    }

    @Test
    void aWebappLoginReachesTheAuditPagesUntilLogout() {
        assertThat(browser.login("audrey").status()).isEqualTo(200);

        ApiClient.Reply page = browser.get("/audit", "text/html");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("CarePost audit: content items");

        // A change in the session without the page's token is refused before anything else looks at it ...
        ApiClient.Reply forged = browser.send("POST", "/audit", "application/x-www-form-urlencoded", "page=1");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("title").asText()).isEqualTo("CSRF token missing or invalid");
        ApiClient.Reply wrong = browser.send("POST", "/audit", "application/x-www-form-urlencoded", "_csrf=nope");
        assertThat(wrong.status()).isEqualTo(403);
        // ... and with it the request gets through to the page, which has no POST.
        String token = csrf(page.body());
        assertThat(browser.send("POST", "/audit", "application/x-www-form-urlencoded", "_csrf=" + token).status())
                .isEqualTo(405);
        assertThat(browser.send("POST", "/audit", null, null, "X-CSRF-TOKEN", csrf(browser.get("/audit", "text/html")
                .body())).status()).isEqualTo(405);

        assertThat(browser.logout().status()).isEqualTo(200);
        ApiClient.Reply afterLogout = browser.get("/audit", "text/html");
        assertThat(afterLogout.status()).isEqualTo(302);
        assertThat(browser.location()).endsWith("/camunda/app/tasklist/default/");
        assertThat(browser.get("/audit/content/00000000-0000-0000-0000-000000000000", "application/json").status())
                .isEqualTo(401);
    }

    /**
     * Defect: every bridged request (the header link's /audit/access, My drafts, a forbidden page) changed the
     * session id (Spring's session-fixation defence), so Tasklist's requests in flight with the id it held came back
     * 401 and the person was logged out of Tasklist. Now the webapps' session id stays what their login made it.
     */
    @Test
    void visitingOurPagesKeepsTheWebappsSessionAsItIs() {
        for (String user : new String[] {"audrey", "alice"}) { // one allowed on /audit, one refused
            WebappSession tasklist = new WebappSession(port);
            assertThat(tasklist.login(user).status()).isEqualTo(200);
            String cookies = tasklist.cookieHeader();

            assertThat(tasklist.send("GET", "/audit/access", null, null, "Accept", "application/json",
                    "X-Requested-With", "XMLHttpRequest").status()).isEqualTo(user.equals("audrey") ? 204 : 403);
            assertThat(tasklist.get("/audit", "text/html").status()).isEqualTo(user.equals("audrey") ? 200 : 403);
            assertThat(tasklist.get("/app/my-drafts", "text/html").status()).isEqualTo(200);

            assertThat(tasklist.cookieHeader()).as("the session cookie of " + user).isEqualTo(cookies);
            ApiClient.Reply inFlight = new ApiClient(port).getWithHeaders(WebappSession.ENGINE_API + "/user/" + user
                    + "/profile", "Cookie", cookies);
            assertThat(inFlight.status()).as("Tasklist's next request, with the cookie it holds").isEqualTo(200);
        }
    }

    @Test
    void aSessionOfAnotherGroupIsForbiddenOnTheAuditPages() {
        assertThat(browser.login("pat").status()).isEqualTo(200);
        ApiClient.Reply page = browser.get("/audit", "text/html");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("CarePost audit");
    }

    @Test
    void withoutALoginABrowserGoesToTheWebappsLoginAndAScriptGets401() {
        assertThat(browser.get("/audit", "text/html,application/xhtml+xml").status()).isEqualTo(302);
        assertThat(browser.location()).endsWith("/camunda/app/tasklist/default/");
        assertThat(browser.get("/app/anything", "text/html").status()).isEqualTo(302);
        ApiClient.Reply script = browser.get("/audit", "application/json");
        assertThat(script.status()).isEqualTo(401);
        assertThat(script.json().get("title").asText()).isEqualTo("Authentication required");
        // A wrong password is a 401 for a browser too: it tried Basic.
        ApiClient api = new ApiClient(port);
        assertThat(api.getWithPassword("/audit", "cole", "wrong").status()).isEqualTo(401);
    }

    @Test
    void basicAuthenticatedRequestsStayStatelessAndNeedNoToken() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/audit", "audrey").status()).isEqualTo(200);
        // A POST with Basic credentials is not a cross-site forgery: it reaches the page (which has no POST).
        assertThat(api.post("/audit", "audrey", "{}").status()).isEqualTo(405);
        // The API stays Basic only: the webapps' session does not authenticate it.
        assertThat(browser.login("audrey").status()).isEqualTo(200);
        assertThat(browser.get("/api/audit/verify").status()).isEqualTo(401);
        assertThat(browser.get("/engine-rest/task").status()).isEqualTo(401);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page carries its CSRF token").isTrue();
        return m.group(1);
    }
}
