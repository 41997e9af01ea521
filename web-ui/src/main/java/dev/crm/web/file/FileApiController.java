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
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import dev.crm.web.page.ObjectBrief;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import java.util.List;
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
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "uploadFile",
            summary = "Upload a file and attach it to an object: multipart 'file' and 'attachTo' (object ID)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = FileJson.Upload.class))))
    ResponseEntity<FileJson> upload(Actor actor,
                                    @io.swagger.v3.oas.annotations.Parameter(hidden = true)
                                    @RequestPart(FileKind.UPLOAD_PART) MultipartFile file,
                                    @io.swagger.v3.oas.annotations.Parameter(hidden = true)
                                    @RequestParam("attachTo") long attachTo) {
        FileView created = service.upload(actor, attachTo, file.getOriginalFilename(), file.getContentType(),
                file::getInputStream);
        return ResponseEntity.created(URI.create("/api/files/" + created.id())).eTag("\"" + created.version() + "\"")
                .body(FileJson.of(created));
    }

    @GetMapping("/api/files")
    @Operation(summary = "The live file objects of an object: ?attachedTo=<id>")
    ItemList<FileJson> list(Actor actor, @RequestParam(name = "attachedTo", required = false) Long attachedTo) {
        if (attachedTo == null) {
            throw BadRequest.of("attachedTo", "validation.required");
        }
        List<FileJson> items = files.attachedTo(attachedTo).stream()
                .filter(f -> isVisible(actor, f.id())).map(FileJson::of).toList();
        return ItemList.whole(items);
    }

    @GetMapping("/api/files/{id}")
    @Operation(summary = "One file object; ETag: its version")
    ResponseEntity<FileJson> get(Actor actor, @PathVariable long id) {
        FileView file = service.visible(actor, id);
        return ResponseEntity.ok().eTag("\"" + file.version() + "\"").body(FileJson.of(file));
    }

    @GetMapping("/api/files/{id}/content")
    @Operation(summary = "The stored content, as a download (ETag: its SHA-256)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The content",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
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
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the file object; the stored content goes when its last reference does")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.detach(actor, id, IfMatch.version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/files/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the file object alone")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        FileView file = service.visible(actor, id);
        // a file object has no parts: the preview is the file alone, which the caller sees
        return new DeletionPreviewJson(List.of(new ObjectBrief(file.id(), FileKind.NAME, file.name())), 0);
    }

    private boolean isVisible(Actor actor, long fileId) {
        try {
            service.visible(actor, fileId);
            return true;
        } catch (dev.crm.command.Rejected.NotFound e) {
            return false;
        }
    }
}
