package dev.crm.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lints the API description of the running service (target/openapi.json, downloaded in this build) with
 * Redocly CLI's {@code recommended} rules ({@code redocly.yaml}), run through {@code npx} in the version
 * pinned in pom.xml. Prints the linter's report (also in target/redocly-lint.txt) and fails on any error;
 * warnings are printed only. Line numbers in the report are lines of target/openapi.json.
 *
 * <p>Needs Node.js 20.19+ (or 22.12+) with npm on the PATH: it fails, saying so, without them. The first run
 * on a machine downloads the CLI into npm's cache (~/.npm/_npx); later runs take a second or two.
 */
class ApiDescriptionLintIT {

    /** One problem line of the `stylish` format: {@code   393:7   error    operation-summary   Operation ...}. */
    private static final Pattern PROBLEM = Pattern.compile("^\\s*\\d+:\\d+\\s+(error|warning)\\s+(\\S+)\\s+(.*)$");
    private static final String INSTALL_NODE = "install Node.js 20.19+ and npm, e.g. apt-get install nodejs npm"
            + " (Debian 12's nodejs is 18, too old: take Debian 13's, or NodeSource's 20 or 22)";

    @Test
    void theDescriptionHasNoLintErrors() throws Exception {
        Path description = Path.of(System.getProperty("api.description", "target/openapi.json")).toAbsolutePath();
        assertThat(description).as("the description downloaded in generate-sources").isRegularFile();
        String cli = "@redocly/cli@" + System.getProperty("redocly.cli.version", "2.77.0");
        Path npx = onPath("npx").orElseThrow(() -> new AssertionError("npx not found: " + INSTALL_NODE));
        checkNodeVersion(npx);

        List<String> command = List.of(npx.toString(), "--yes", cli, "lint",
                "--config", Path.of("redocly.yaml").toAbsolutePath().toString(),
                "--format=stylish", "--max-problems=10000", description.toString());
        System.out.println("ApiDescriptionLintIT: " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("REDOCLY_TELEMETRY", "off");
        env.put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        env.put("NO_UPDATE_NOTIFIER", "1");
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_fund", "false");
        env.put("npm_config_audit", "false");
        Process process = builder.start();
        process.getOutputStream().close();
        // read before waiting: the report is larger than a pipe's buffer
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("Redocly CLI did not finish within 5 minutes:\n" + report);
        }
        int exit = process.exitValue();
        Files.writeString(Path.of("target", "redocly-lint.txt"), report, StandardCharsets.UTF_8);

        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        for (String line : report.lines().toList()) {
            Matcher m = PROBLEM.matcher(line);
            if (m.matches()) {
                (m.group(1).equals("error") ? errors : warnings).merge(m.group(2), 1, Integer::sum);
            }
        }
        int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
        int warningCount = warnings.values().stream().mapToInt(Integer::intValue).sum();
        String summary = "Redocly (" + cli + ", recommended rules): " + errorCount + " errors " + byRule(errors)
                + ", " + warningCount + " warnings " + byRule(warnings) + "; exit code " + exit;
        System.out.println(report);
        System.out.println(summary);

        if (exit != 0 && errorCount == 0) {
            fail("Redocly CLI did not run (exit code " + exit + "); its output:\n" + report);
        }
        assertThat(errorCount)
                .as("%s\nThe report is above and in target/redocly-lint.txt (line numbers are lines of %s);"
                        + " fix the description in web-ui.", summary, description)
                .isZero();
        assertThat(exit).as("Redocly CLI's exit code with no errors").isZero();
    }

    /** Redocly CLI 2.x needs Node.js 20.19+ (or 22.12+): older ones fail in ways that do not say so. */
    private static void checkNodeVersion(Path npx) throws IOException, InterruptedException {
        Path node = onPath("node").orElseGet(() -> npx.resolveSibling("node"));
        Process p = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
        String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            fail("cannot tell the version of " + node + " (it printed: " + version + "): " + INSTALL_NODE);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        boolean supported = major > 22 || (major == 22 && minor >= 12) || (major == 20 && minor >= 19);
        if (!supported) {
            fail("Node.js " + version + " is too old for Redocly CLI 2.x (it needs 20.19+ or 22.12+): " + INSTALL_NODE);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String byRule(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        return sorted.stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", "(", ")"));
    }
}
