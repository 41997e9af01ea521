package dev.crm.web.page;

import static dev.crm.web.page.RecentObjectsRecorder.touched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import org.junit.jupiter.api.Test;

/** Which requests open or change an object (the home page's recent objects), for every kind with pages. */
class RecentObjectsRecorderTest {

    @Test
    void aShowPageThatAnsweredOpensItsObject() {
        for (Kind kind : Kinds.withPages()) {
            String path = "/" + kind.path();
            assertThat(touched("GET", path + "/42", 200)).as(path).isEqualTo(42L);
            assertThat(touched("GET", path + "/42", 404)).as(path).isNull();
            assertThat(touched("GET", path + "/42/edit", 200)).as(path).isNull();
            assertThat(touched("GET", path, 200)).as(path).isNull();
            // a failed or refused change records nothing; a page's change is recorded by the show page it ends on
            assertThat(touched("POST", path + "/42", 302)).as(path).isNull();
        }
        assertThat(touched("GET", "/admin/42", 200)).isNull();
        assertThat(touched("GET", "/objects/42", 200)).isNull();
        assertThat(touched("GET", "/nosuchkind/42", 200)).isNull();
    }

    @Test
    void callsOfTheApiAreNotRecorded() {
        for (Kind kind : Kinds.withPages()) {
            String api = "/api/" + kind.path();
            assertThat(touched("GET", api + "/42", 200)).as(api).isNull();
            assertThat(touched("PATCH", api + "/42", 200)).as(api).isNull();
            assertThat(touched("POST", api, 201)).as(api).isNull();
        }
        assertThat(touched("GET", null, 200)).isNull();
    }
}
