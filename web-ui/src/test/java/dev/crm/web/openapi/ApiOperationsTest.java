package dev.crm.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import org.junit.jupiter.api.Test;

class ApiOperationsTest {

    private static String id(String path, HttpMethod method) {
        Kind kind = ApiOperations.kindOf(path).orElseThrow();
        return ApiOperations.operationId(kind, ApiOperations.rest(path, kind), method);
    }

    @Test
    void theUsualShapesOfAKindsPathsGetTheirNames() {
        assertThat(id("/api/memos", HttpMethod.GET)).isEqualTo("listMemos");
        assertThat(id("/api/memos", HttpMethod.POST)).isEqualTo("createMemo");
        assertThat(id("/api/memos/{id}", HttpMethod.GET)).isEqualTo("getMemo");
        assertThat(id("/api/memos/{id}", HttpMethod.PATCH)).isEqualTo("changeMemo");
        assertThat(id("/api/memos/{id}", HttpMethod.DELETE)).isEqualTo("deleteMemo");
        assertThat(id("/api/memos/{id}/deletion-preview", HttpMethod.GET)).isEqualTo("previewMemoDeletion");
        assertThat(id("/api/memos/{id}/owner", HttpMethod.PUT)).isEqualTo("transferMemo");
        assertThat(id("/api/memos/{id}/review", HttpMethod.POST)).isEqualTo("reviewMemo");
        assertThat(id("/api/admin/departments/{id}", HttpMethod.PATCH)).isEqualTo("changeDepartment");
        assertThat(id("/api/users/{username}/roles", HttpMethod.PUT)).isEqualTo("setUserRoles");
        assertThat(id("/api/files/{id}/content", HttpMethod.GET)).isEqualTo("getFileContent");
        assertThat(id("/api/tasks/{id}/a/b", HttpMethod.GET)).isNull();
    }

    @Test
    void pathsOfNoKindAreLeftToTheirHandlers() {
        assertThat(ApiOperations.kindOf("/api/objects/{id}")).isEmpty();
        assertThat(ApiOperations.kindOf("/api/search")).isEmpty();
        assertThat(Kinds.ALL).allSatisfy(k -> assertThat(ApiOperations.kindOf("/api/" + k.path())).contains(k));
    }
}
