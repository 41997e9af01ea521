package dev.crm.web.file;

import dev.crm.shared.file.FileKind;

import dev.crm.app.file.FileService;

import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import dev.crm.shared.Actor;
import dev.crm.web.problem.BadRequest;
import dev.crm.web.problem.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "files", description = "File objects: references to stored content, attached to other objects")
class FileApiController {

    /** Types a browser could run or render as a page of ours: always served as plain bytes. */
    static final Set<String> ACTIVE_TYPES = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/xml", "application/xml", "text/javascript", "application/javascript", "application/pdf");

    private final FileService service;
    private final FileQueries files;

    FileApiController(FileService service, FileQueries files) {
        this.service = service;
        this.files = files;
    }

    @PostMapping(path = "/api/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file and attach it to an object: multipart 'file' and 'attachTo' (object ID)")
    ResponseEntity<Map<String, Object>> upload(Actor actor, @RequestPart(FileKind.UPLOAD_PART) MultipartFile file,
                                               @RequestParam("attachTo") long attachTo) {
        FileView created = service.upload(actor, attachTo, file.getOriginalFilename(), file.getContentType(),
                file::getInputStream);
        return ResponseEntity.created(URI.create("/api/files/" + created.id())).eTag("\"" + created.version() + "\"")
                .body(json(created));
    }

    @GetMapping("/api/files")
    @Operation(summary = "The live file objects of an object: ?attachedTo=<id>")
    Map<String, Object> list(Actor actor, @RequestParam(name = "attachedTo", required = false) Long attachedTo) {
        if (attachedTo == null) {
            throw BadRequest.of("attachedTo", "validation.required");
        }
        List<Map<String, Object>> items = files.attachedTo(attachedTo).stream()
                .filter(f -> isVisible(actor, f.id())).map(FileApiController::json).toList();
        return dev.crm.web.page.ListJson.whole(items);
    }

    @GetMapping("/api/files/{id}")
    ResponseEntity<Map<String, Object>> get(Actor actor, @PathVariable long id) {
        FileView file = service.visible(actor, id);
        return ResponseEntity.ok().eTag("\"" + file.version() + "\"").body(json(file));
    }

    @GetMapping("/api/files/{id}/content")
    @Operation(summary = "The stored content, as a download")
    ResponseEntity<InputStreamResource> content(Actor actor, @PathVariable long id) throws IOException {
        FileView file = service.visible(actor, id);
        InputStream in = service.content(file);
        MediaType type = ACTIVE_TYPES.contains(file.mediaType()) ? MediaType.APPLICATION_OCTET_STREAM
                : MediaType.parseMediaType(file.mediaType());
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .eTag("\"" + file.sha256() + "\"")
                .body(new InputStreamResource(in));
    }

    @DeleteMapping("/api/files/{id}")
    @Operation(summary = "Delete the file object; the stored content goes when its last reference does")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.detach(actor, id, IfMatch.version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/files/{id}/deletion-preview")
    Map<String, Object> deletionPreview(Actor actor, @PathVariable long id) {
        FileView file = service.visible(actor, id);
        // a file object has no parts: the preview is the file alone, which the caller sees
        return Map.of("objects", List.of(Map.of("id", file.id(), "kind", FileKind.NAME, "title", file.name())), "hidden", 0);
    }

    private boolean isVisible(Actor actor, long fileId) {
        try {
            service.visible(actor, fileId);
            return true;
        } catch (dev.crm.command.Rejected.NotFound e) {
            return false;
        }
    }

    static Map<String, Object> json(FileView f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id());
        json.put("kind", FileKind.NAME);
        json.put("version", f.version());
        json.put("name", f.name());
        json.put("size", f.size());
        json.put("mediaType", f.mediaType());
        json.put("sha256", f.sha256());
        json.put("attachedTo", f.attachedTo());
        json.put("owner", f.owner());
        json.put("createdAt", f.createdAt());
        return json;
    }
}
