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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.liaisonprm.base.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Creates or changes a task: a title, a due date (a week from today by default), its status and notes.
 * Fits a phone-sized screen.
 */
public class TaskDialog extends Dialog {

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.US);

    private final TextField title = new TextField("Task");
    private final DatePicker due = new DatePicker("Due");
    private final Select<TaskStatus> status = new Select<>();
    private final TextArea notes = new TextArea("Notes");
    private final Span error = new Span();

    /**
     * A new task about a physician or practice.
     *
     * @param saved called with the saved task
     */
    public static TaskDialog create(Tasks tasks, String targetId, String targetName, Consumer<Task> saved) {
        var dialog = new TaskDialog("New task \u00b7 " + (targetName == null ? targetId : targetName));
        dialog.due.setValue(LocalDate.now().plusDays(7));
        dialog.status.setValue(TaskStatus.OPEN);
        dialog.onSave(() -> tasks.create(dialog.draft(targetId), null, CurrentUser.current()), saved);
        return dialog;
    }

    /**
     * A follow-up task from an interaction: its outcome (or its type) as the title, due on its follow-up date
     * (a week from today when it has none or that date has passed), its notes carried over.
     */
    public static TaskDialog fromInteraction(Tasks tasks, Interaction interaction, Consumer<Task> saved) {
        var dialog = create(tasks, interaction.targetId(), interaction.targetName(), saved);
        String what = interaction.outcome() == null || interaction.outcome().isBlank()
                ? interaction.type().label() + " of " + DAY.format(interaction.date()) : interaction.outcome().strip();
        dialog.title.setValue(clip("Follow up: " + what, Tasks.MAX_TITLE));
        LocalDate followUp = interaction.followUpDate();
        if (followUp != null && !followUp.isBefore(LocalDate.now())) {
            dialog.due.setValue(followUp);
        }
        String notes = interaction.notes() == null || interaction.notes().isBlank() ? ""
                : "From the " + interaction.type().label().toLowerCase(java.util.Locale.ROOT) + " of "
                        + DAY.format(interaction.date()) + ": " + interaction.notes().strip();
        dialog.notes.setValue(clip(notes, Tasks.MAX_NOTES));
        return dialog;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** Changes a task. */
    public static TaskDialog change(Tasks tasks, Task task, Consumer<Task> saved) {
        var dialog = new TaskDialog("Task \u00b7 " + (task.targetName() == null ? task.physicianId() : task.targetName()));
        dialog.title.setValue(task.title());
        dialog.due.setValue(task.due());
        dialog.status.setValue(task.status());
        dialog.notes.setValue(task.notes() == null ? "" : task.notes());
        dialog.onSave(() -> tasks.update(task.id(), dialog.draft(null), CurrentUser.current()), saved);
        return dialog;
    }

    private TaskDialog(String heading) {
        setHeaderTitle(heading);
        addClassName("task-dialog");
        setWidth("min(36rem, 100vw)");
        title.setId("task-title");
        title.setWidthFull();
        title.setMaxLength(Tasks.MAX_TITLE);
        title.setPlaceholder("e.g. Call back about the scheduling line");
        due.setId("task-due");
        status.setLabel("Status");
        status.setId("task-status");
        status.setItems(TaskStatus.values());
        status.setItemLabelGenerator(TaskStatus::label);
        notes.setId("task-notes");
        notes.setWidthFull();
        notes.setMaxLength(Tasks.MAX_NOTES);
        error.addClassName("query-message");
        error.setVisible(false);
        var form = new FormLayout(title, due, status, notes);
        form.setColspan(title, 2);
        form.setColspan(notes, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24rem", 2));
        add(form, error);
        var cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel);
    }

    private TaskDraft draft(String targetId) {
        return new TaskDraft(targetId, title.getValue(), due.getValue(), notes.getValue(), status.getValue());
    }

    private void onSave(java.util.function.Supplier<Task> save, Consumer<Task> saved) {
        var button = new Button("Save", click -> {
            try {
                Task task = save.get();
                close();
                Notification.show("Task saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                saved.accept(task);
            } catch (OutreachException | AccessDeniedException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("task-save");
        getFooter().add(button);
    }
}
