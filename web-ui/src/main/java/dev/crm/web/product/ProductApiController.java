package dev.crm.web.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.page.CsvExport;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.product.ProductKind;
import dev.crm.shared.product.ProductType;
import dev.crm.web.fields.FieldsEndpoints;
import dev.crm.web.openapi.Choices;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The products' API: its paths and schemas; the work is the shared {@link FieldsEndpoints}'. */
@RestController
@RequestMapping("/api/products")
@Tag(name = "products", description = "Products (goods and services): create, change, transfer, delete")
class ProductApiController {

    private final FieldsEndpoints api;

    ProductApiController(FieldsEndpoints api) {
        this.api = api;
    }

    @GetMapping
    @Operation(summary = "The products the caller may see, newest change first; q searches names and categories; "
            + "type, onSale: only those; minPrice, maxPrice: a price in that range; department: only that "
            + "department's; sort: a field (name, type, price, currency, category, onSale, owner, id, updatedAt, …), "
            + "'-' first for descending", description = ItemList.DESCRIPTION)
    ItemList<ProductJson> list(Actor actor, @RequestParam(required = false) String q,
                               @RequestParam(required = false) @Choices(ProductType.class) String type,
                               @RequestParam(required = false) Boolean onSale,
                               @RequestParam(required = false) BigDecimal minPrice,
                               @RequestParam(required = false) BigDecimal maxPrice,
                               @RequestParam(required = false) Long department,
                               @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return api.list(ProductKind.KIND, ProductJson.class, actor, q, equal(type, onSale), prices(minPrice, maxPrice),
                department, sort, page, size);
    }

    @GetMapping("/export")
    @Operation(summary = "The list as CSV, filtered and ordered as the list with the same parameters (q, type, onSale, "
            + "minPrice, maxPrice, department, sort); every row the caller may see, streamed; a header row of field "
            + "names, UTF-8; a text starting with = + - or @ is written after a '")
    @ApiResponse(responseCode = "200", description = "CSV, UTF-8",
            content = @Content(mediaType = CsvExport.TEXT_CSV, schema = @Schema(type = "string")))
    void export(Actor actor, @RequestParam(required = false) String q,
                @RequestParam(required = false) @Choices(ProductType.class) String type,
                @RequestParam(required = false) Boolean onSale,
                @RequestParam(required = false) BigDecimal minPrice,
                @RequestParam(required = false) BigDecimal maxPrice,
                @RequestParam(required = false) Long department, @RequestParam(required = false) String sort,
                HttpServletResponse response) throws IOException {
        api.export(ProductKind.KIND, ProductJson.class, actor, FieldsEndpoints.filter(q, equal(type, onSale),
                prices(minPrice, maxPrice), department == null ? null : List.of(department)), sort, response);
    }

    private static Map<Field, Object> equal(String type, Boolean onSale) {
        Map<Field, Object> equal = new HashMap<>();
        equal.put(ProductKind.TYPE, type);
        equal.put(ProductKind.ON_SALE, onSale);
        return equal;
    }

    private static Map<Field, FieldsQueries.Range> prices(BigDecimal minPrice, BigDecimal maxPrice) {
        return minPrice == null && maxPrice == null ? Map.of()
                : Map.of(ProductKind.PRICE, new FieldsQueries.Range(minPrice, maxPrice));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a product; the caller owns it, in their department")
    ResponseEntity<ProductJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = ProductJson.Input.class))) @RequestBody JsonNode body) {
        return api.create(ProductKind.KIND, ProductJson.class, actor, body, ProductJson.Input.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One product; ETag: its version")
    ResponseEntity<ProductJson> get(Actor actor, @PathVariable long id) {
        return api.get(ProductKind.KIND, ProductJson.class, actor, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields; If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<ProductJson> change(Actor actor, @PathVariable long id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                       @Content(schema = @Schema(implementation = ProductJson.Input.class)))
                                       @RequestBody JsonNode body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.change(ProductKind.KIND, ProductJson.class, actor, id, body, ifMatch, ProductJson.Input.class,
                Set.of());
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Give the product to another user: { owner }")
    ResponseEntity<ProductJson> transfer(Actor actor, @PathVariable long id,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                         @Content(schema = @Schema(implementation = ProductJson.Owner.class)))
                                         @RequestBody JsonNode body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.transfer(ProductKind.KIND, ProductJson.class, actor, id, body, ifMatch, ProductJson.Owner.class);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the product with its files, as its deletion preview announced; objects: the number "
            + "the preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        return api.delete(ProductKind.KIND, actor, id, ifMatch, objects);
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return api.deletionPreview(ProductKind.KIND, actor, id);
    }
}
