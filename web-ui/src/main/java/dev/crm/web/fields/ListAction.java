package dev.crm.web.fields;

import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Something a kind's list page offers to do with its rows (a campaign's "Add to campaign"): with the rows ticked
 * (checkboxes named {@code ids} of the form {@value #FORM}), or with all that match the list's filters. A kind's own
 * package declares it as a bean; the shared list page and {@link FieldsPageController} show and call it, by name.
 */
public interface ListAction {

    /** The id of the form its fragment shows, which the rows' checkboxes belong to. */
    String FORM = "list-action-form";

    /** Its name in the address: {@code POST /<kind path>/actions/<name>}. */
    String name();

    /**
     * What the list page of this kind shows for the actor: the fragment (a template selector) after the table, having
     * put what it reads into the model; null when it offers nothing here. {@code filters}: the list's parameters.
     */
    String describe(Actor actor, Kind kind, MultiValueMap<String, String> filters, Model model);

    /**
     * Does it, with the form's parameters ({@code ids}, or {@code all} for every row that matches the list's filters:
     * {@code matching.apply(n)} answers at most {@code n} of them); answers the page to go to.
     */
    String apply(Actor actor, Kind kind, MultiValueMap<String, String> params, IntFunction<List<Long>> matching,
                 RedirectAttributes redirect);
}
