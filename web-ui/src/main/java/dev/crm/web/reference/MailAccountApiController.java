package dev.crm.web.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.mail.MailAccounts;
import dev.crm.shared.Actor;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.web.page.ItemList;
import dev.crm.web.page.Texts;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** (admin) Mail accounts: administrators keep them and send a test message through one ({@link ReferenceEndpoints}). */
@RestController
@RequestMapping("/api/admin/mail-accounts")
@Tag(name = "mail-accounts", description = "(admin) The SMTP accounts the CRM sends through")
class MailAccountApiController {

    private static final ReferenceKind KIND = ReferenceKind.MAIL_ACCOUNT;

    private final ReferenceEndpoints api;
    private final MailAccounts accounts;
    private final Texts texts;

    MailAccountApiController(ReferenceEndpoints api, MailAccounts accounts, Texts texts) {
        this.api = api;
        this.accounts = accounts;
        this.texts = texts;
    }

    @GetMapping
    @Operation(summary = "(admin) The mail accounts, in their order; passwords are never answered")
    ItemList<MailAccountJson> list(Actor actor) {
        return api.list(actor, KIND, MailAccountJson::of);
    }

    @PostMapping
    @Operation(summary = "(admin) Create one")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MailAccountJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = MailAccountJson.Input.class))) @RequestBody JsonNode body) {
        return api.create(actor, KIND, MailAccountJson.Input.class, body, MailAccountJson::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "(admin) One of them; ETag: its version")
    ResponseEntity<MailAccountJson> get(Actor actor, @PathVariable long id) {
        return api.get(actor, KIND, id, MailAccountJson::of);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "(admin) Change the fields given; If-Match: \"<version>\" guards against lost updates")
    ResponseEntity<MailAccountJson> change(Actor actor, @PathVariable long id,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                          content = @Content(schema = @Schema(implementation = MailAccountJson.Input.class)))
                                  @RequestBody JsonNode body) {
        return api.change(actor, KIND, id, ifMatch, MailAccountJson.Input.class, body, MailAccountJson::of);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "(admin) Delete one; an administrator can restore it (POST /api/objects/{id}/restore)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        api.delete(actor, KIND, id, ifMatch);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "(admin) Sending through a stopped account (its login was refused) goes on; its waiting "
            + "e-mails go out by themselves. One that is not stopped stays as it is")
    ResponseEntity<MailAccountJson> resume(Actor actor, @PathVariable long id) {
        accounts.resume(actor, id);
        return api.get(actor, KIND, id, MailAccountJson::of);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "(admin) Send a test message through the account; a failure of the mail server is a "
            + "problem (409) with the server's reason")
    TestSent test(Actor actor, @PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = MailAccountJson.Test.class))) @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(MailAccountJson.Test.class), java.util.Set.of());
        String to = in.text("to");
        in.check();
        accounts.sendTest(actor, id, to, texts.text("mail-account.test.subject"), texts.text("mail-account.test.text"));
        return new TestSent(id, to);
    }

    /** The answer of a test message that the server took. */
    @Schema(name = "MailAccountTestSent", description = "The mail server took the test message")
    record TestSent(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long account,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String to) {
    }
}
