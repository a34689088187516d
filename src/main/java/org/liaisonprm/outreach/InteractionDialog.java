package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.liaisonprm.base.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Logs or changes an interaction in a few taps: the type, today and "reached the physician" are preset, so
 * a visit is logged with one click on Save; the rest is optional. Fits a phone-sized screen.
 */
public class InteractionDialog extends Dialog {

    private final Select<InteractionType> type = new Select<>();
    private final DatePicker date = new DatePicker("Date");
    private final RadioButtonGroup<Reached> reached = new RadioButtonGroup<>("Reached");
    private final IntegerField duration = new IntegerField("Minutes");
    private final TextArea notes = new TextArea("Notes");
    private final TextField outcome = new TextField("Outcome");
    private final DatePicker followUp = new DatePicker("Follow up on");
    private final Span error = new Span();

    /**
     * @param existing the interaction to change, or null to log a new one with {@code targetId}
     * @param saved    called with the saved interaction
     */
    public InteractionDialog(Interactions interactions, String targetId, String targetName, Interaction existing,
                             Consumer<Interaction> saved) {
        addClassName("interaction-dialog");
        setHeaderTitle((existing == null ? "Log interaction with " : "Change interaction with ") + targetName);
        type.setLabel("Type");
        type.setItems(InteractionType.values());
        type.setItemLabelGenerator(InteractionType::label);
        reached.setItems(Reached.values());
        reached.setItemLabelGenerator(Reached::label);
        date.setMax(LocalDate.now());
        duration.setMin(0);
        duration.setMax(1440);
        notes.setMaxLength(Interactions.MAX_NOTES);
        notes.setPlaceholder("What was discussed; no patient details");
        outcome.setMaxLength(Interactions.MAX_OUTCOME);
        followUp.setClearButtonVisible(true);
        error.addClassName("interaction-error");

        if (existing == null) {
            type.setValue(InteractionType.IN_PERSON_VISIT);
            date.setValue(LocalDate.now());
            reached.setValue(Reached.PHYSICIAN);
        } else {
            type.setValue(existing.type());
            date.setValue(existing.date());
            reached.setValue(existing.reached());
            duration.setValue(existing.durationMinutes());
            notes.setValue(existing.notes() == null ? "" : existing.notes());
            outcome.setValue(existing.outcome() == null ? "" : existing.outcome());
            followUp.setValue(existing.followUpDate());
        }

        var form = new FormLayout(type, date, reached, duration, notes, outcome, followUp);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(reached, 2);
        form.setColspan(notes, 2);
        form.setColspan(outcome, 2);
        add(form, error);

        var save = new Button("Save", click -> {
            var draft = new InteractionDraft(targetId, type.getValue(), date.getValue(), reached.getValue(),
                    duration.getValue(), notes.getValue(), outcome.getValue(), followUp.getValue());
            try {
                var user = CurrentUser.current();
                Interaction result = existing == null ? interactions.log(draft, user)
                        : interactions.update(existing.id(), draft, user);
                close();
                Notification.show("Interaction saved", 2500, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                saved.accept(result);
            } catch (OutreachException | AccessDeniedException e) {
                error.setText(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("interaction-save");
        var cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
        setWidth("min(40rem, 100vw)");
    }
}
