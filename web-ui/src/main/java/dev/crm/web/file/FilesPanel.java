package dev.crm.web.file;

import dev.crm.app.file.FileService;
import dev.crm.query.file.FileQueries;
import dev.crm.web.page.Sizes;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the files panel ({@code fragments/files :: panel}) of an object's page shows, for every kind. */
@Component
public class FilesPanel {

    private final FileQueries files;
    private final FileService service;
    private final Sizes sizes;

    FilesPanel(FileQueries files, FileService service, Sizes sizes) {
        this.files = files;
        this.service = service;
        this.sizes = sizes;
    }

    /** The object's files and the upload limit, into the page's model. */
    public void describe(Model model, long objectId) {
        model.addAttribute("files", files.attachedTo(objectId));
        model.addAttribute("maxUpload", service.maxBytes());
        model.addAttribute("maxUploadText", sizes.human(service.maxBytes()));
    }
}
