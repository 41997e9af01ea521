package dev.crm.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CRM service: HTTP API, browser UI, and both sides of the event-sourced core. */
@SpringBootApplication(scanBasePackages = "dev.crm")
public class CrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmApplication.class, args);
    }
}
