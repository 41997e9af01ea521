package dev.crm.web.user;

import java.util.ArrayList;
import java.util.List;

/** What the user forms hold: a new user, or a user's roles and departments; kept when a form comes back with errors. */
public class UserForm {

    private String username = "";
    private String displayName = "";
    private String password = "";
    private List<String> roles = new ArrayList<>();
    private List<Long> departments = new ArrayList<>();

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public List<Long> getDepartments() {
        return departments;
    }

    public void setDepartments(List<Long> departments) {
        this.departments = departments == null ? new ArrayList<>() : departments;
    }
}
