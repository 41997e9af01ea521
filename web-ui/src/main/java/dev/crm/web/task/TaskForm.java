package dev.crm.web.task;

import dev.crm.query.task.TaskView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the task form holds: on a new task, on an edit (with the version it rendered), on a re-render. */
public class TaskForm {

    private String title = "";
    private String description = "";
    private String priority = "middle";
    private String dueDate = "";
    private String nextStep = "";
    private String nextStepDate = "";
    private List<String> responsible = new ArrayList<>();
    private String coOwner = "";
    private List<String> subscribers = new ArrayList<>();
    private String tags = "";
    private String stage = "";
    private Long parent;
    private Long project;
    private Long version;

    static TaskForm of(TaskView task) {
        TaskForm form = new TaskForm();
        form.title = task.title();
        form.description = orEmpty(task.description());
        form.priority = task.priority().apiName();
        form.dueDate = orEmpty(task.dueDate());
        form.nextStep = orEmpty(task.nextStep());
        form.nextStepDate = orEmpty(task.nextStepDate());
        form.responsible = new ArrayList<>(task.responsible() == null ? List.of() : task.responsible());
        form.coOwner = orEmpty(task.coOwner());
        form.subscribers = new ArrayList<>(task.subscribers() == null ? List.of() : task.subscribers());
        form.tags = task.tags() == null ? "" : String.join(", ", task.tags());
        form.stage = task.stage().apiName();
        form.parent = task.parent();
        form.project = task.project();
        form.version = task.version();
        return form;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The comma-separated tags as a list, blanks left out. */
    List<String> tagList() {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Null when blank (for a new task: not given). */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getDueDate() {
        return dueDate;
    }

    public void setDueDate(String dueDate) {
        this.dueDate = dueDate;
    }

    public String getNextStep() {
        return nextStep;
    }

    public void setNextStep(String nextStep) {
        this.nextStep = nextStep;
    }

    public String getNextStepDate() {
        return nextStepDate;
    }

    public void setNextStepDate(String nextStepDate) {
        this.nextStepDate = nextStepDate;
    }

    public List<String> getResponsible() {
        return responsible;
    }

    public void setResponsible(List<String> responsible) {
        this.responsible = responsible == null ? new ArrayList<>() : responsible;
    }

    public String getCoOwner() {
        return coOwner;
    }

    public void setCoOwner(String coOwner) {
        this.coOwner = coOwner;
    }

    public List<String> getSubscribers() {
        return subscribers;
    }

    public void setSubscribers(List<String> subscribers) {
        this.subscribers = subscribers == null ? new ArrayList<>() : subscribers;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public Long getProject() {
        return project;
    }

    public void setProject(Long project) {
        this.project = project;
    }

    public Long getParent() {
        return parent;
    }

    public void setParent(Long parent) {
        this.parent = parent;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
