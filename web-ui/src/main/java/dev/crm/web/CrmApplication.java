package dev.crm.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CRM service: HTTP API, browser UI, and both sides of the event-sourced core; or a command ({@code verify}, {@code checkpoint}). */
@SpringBootApplication(scanBasePackages = "dev.crm")
public class CrmApplication {

    public static void main(String[] args) {
        if (dev.crm.web.config.ChainCommandLine.handles(args)) {
            // java -jar crm.jar verify | checkpoint: no web server (docs/auditing.md)
            System.exit(dev.crm.web.config.ChainCommandLine.run(args, System.out, System.err));
        }
        SpringApplication.run(CrmApplication.class, args);
    }
}
