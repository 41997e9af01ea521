package dev.crm.web.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.app.chain.ChainCheck;
import dev.crm.app.chain.ChainVerifier;
import dev.crm.app.chain.Checkpoints;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The jar's command-line entry points (docs/auditing.md, "Verifying from the command line"):
 * {@code java -jar crm.jar verify} checks every hash chain and re-checks every checkpoint against the configured
 * database, without the web server, Axon or any scheduled work (a Spring context of the data source only, with the
 * service's own configuration: properties, profiles, environment); progress on standard error, the result on
 * standard output, exit code 0 when everything is intact, 1 when not, 2 when the check could not run.
 * {@code java -jar crm.jar checkpoint} makes a checkpoint and prints it.
 */
public final class ChainCommandLine {

    public static final String VERIFY = "verify";
    public static final String CHECKPOINT = "checkpoint";

    private ChainCommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (VERIFY.equals(args[0]) || CHECKPOINT.equals(args[0]));
    }

    /** The command's context: the data source and transactions only (not a component: the service never scans it). */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class})
    static class DataSourceOnly {
    }

    /** Runs the command; returns the process's exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DataSourceOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.level.root=WARN", "spring.main.register-shutdown-hook=false")
                .run(rest)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
            Checkpoints checkpoints = new Checkpoints(jdbc, transactions, Clock.systemUTC());
            if (CHECKPOINT.equals(command)) {
                var made = checkpoints.make("command line");
                if (made.isEmpty()) {
                    err.println("The store has no event to make a checkpoint over yet.");
                    return 1;
                }
                out.println(json.writeValueAsString(Map.of("position", made.get().position(),
                        "hash", made.get().hash(), "at", made.get().at().toString(), "events", made.get().events())));
                return 0;
            }
            ChainVerifier verifier = new ChainVerifier(jdbc, transactions);
            long total = verifier.count();
            long started = System.nanoTime();
            ChainCheck.Verification v = verifier.verifyStore(
                    checked -> err.println("checked " + checked + " of " + Math.max(total, checked) + " events"));
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("valid", v.valid());
            result.put("checked", v.checked());
            result.put("brokenStreams", v.brokenStreams());
            if (v.firstBroken() != null) {
                ChainCheck.Broken b = v.firstBroken();
                Map<String, Object> broken = new LinkedHashMap<>();
                broken.put("id", b.id());
                broken.put("sequence", b.sequence());
                broken.put("eventId", b.eventId());
                broken.put("reason", b.reason());
                result.put("firstBroken", broken);
                err.println("BROKEN: stream " + b.id() + ", sequence " + b.sequence() + ": " + b.reason());
            }
            boolean checkpointsValid = true;
            long rechecked = 0;
            for (long position : checkpoints.list().stream().map(Checkpoints.Checkpoint::position).distinct().toList()) {
                for (Checkpoints.Recheck r : checkpoints.recheck(position)) {
                    rechecked++;
                    if (!r.valid()) {
                        checkpointsValid = false;
                        result.putIfAbsent("checkpointMismatch", position);
                        err.println("CHECKPOINT CHANGED: position " + position + " was " + r.checkpoint().hash()
                                + ", is now " + r.recomputed());
                    }
                }
            }
            result.put("checkpoints", rechecked);
            result.put("eventsPerSecond", v.checked() * 1000 / millis);
            out.println(json.writeValueAsString(result));
            boolean valid = v.valid() && checkpointsValid;
            err.println(valid ? "VALID: " + v.checked() + " events, " + rechecked + " checkpoints" : "NOT VALID");
            return valid ? 0 : 1;
        } catch (Exception e) {
            err.println("The check could not run: " + e);
            return 2;
        }
    }
}
