package io.chatsuite.gateway.console.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WidgetDeliveryTest {

    private static final Pattern STAMP = Pattern.compile("\"([0-9a-f]{16})/\"");

    @Test
    void theLoaderKeepsItsUrlAndIsCachedForMinutesOnly() {
        Response loader = given().get("/widget/loader.js");
        assertThat(loader.statusCode(), equalTo(200));
        assertThat(loader.contentType(), containsString("javascript"));
        assertThat(loader.headers().getValues("Cache-Control"), contains("public, max-age=300"));
        assertThat(loader.asString(), not(containsString("__WIDGET_STAMP__")));
    }

    @Test
    void theStampedBundleIsServedAndCachedForAYearAsImmutable() {
        String stamp = stampInLoader();
        Response script = given().get("/widget/" + stamp + "/widget.js");
        assertThat(script.statusCode(), equalTo(200));
        assertThat(script.contentType(), containsString("javascript"));
        assertThat(script.headers().getValues("Cache-Control"), contains("public, max-age=31536000, immutable"));
        assertThat(script.asString(), containsString("ChatSuiteWidget"));
        assertThat("one classic script, no module imports left", script.asString(), not(containsString("import{")));

        Response styles = given().get("/widget/" + stamp + "/widget.css");
        assertThat(styles.statusCode(), equalTo(200));
        assertThat(styles.contentType(), containsString("text/css"));
        assertThat(styles.headers().getValues("Cache-Control"), contains("public, max-age=31536000, immutable"));
    }

    @Test
    void anUnknownStampIsNotFoundAndThatIsNotCached() {
        String other = stampInLoader().equals("0123456789abcdef") ? "fedcba9876543210" : "0123456789abcdef";
        Response missing = given().get("/widget/" + other + "/widget.js");
        assertThat(missing.statusCode(), equalTo(404));
        assertThat(missing.headers().getValues("Cache-Control"), contains("no-store"));
    }

    @Test
    void theWidgetSourcesAreNotShipped() {
        given().get("/widget/src/main.js").then().statusCode(404);
        given().get("/widget/widget.js").then().statusCode(404);
    }

    @Test
    void consolePagesAreRevalidatedSoThatTheirModulesComeFromOneDeploy() {
        given().get("/console/common/dom.js")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-cache")
                .contentType(containsString("javascript"));
        given().get("/console/")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-cache")
                .contentType(startsWith("text/html"));
    }

    private static String stampInLoader() {
        Matcher matcher = STAMP.matcher(given().get("/widget/loader.js").asString());
        assertThat("the loader names its bundle's stamp", matcher.find(), is(true));
        return matcher.group(1);
    }
}
