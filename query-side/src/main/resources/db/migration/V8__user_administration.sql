-- Departments: objects that administrators keep. name_key is the name in lower case: names are unique
-- whatever their case, and this key is the last word when two administrators race for the same name.
CREATE TABLE department_view (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    name_key   VARCHAR(100) NOT NULL,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX department_view_name_key ON department_view (name_key);

-- Which departments each user belongs to (one or more, or none yet).
CREATE TABLE user_department (
    username      VARCHAR(40) NOT NULL,
    department_id BIGINT      NOT NULL,
    PRIMARY KEY (username, department_id)
);
CREATE INDEX user_department_department ON user_department (department_id);
