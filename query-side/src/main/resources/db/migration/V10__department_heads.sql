-- A department's head (a username, or null): the default co-owner of its members' tasks and projects.
ALTER TABLE department_view ADD COLUMN head VARCHAR(40);
