package io.gluebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gluebench.analysis.Analyzer;
import io.gluebench.result.Run;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html of the reference run in real headless Chromium, driven over the DevTools
 * protocol with the JDK's own WebSocket client: the page must load without errors, request
 * nothing but file: and data: URLs, and show every embedded chart. Leaves a full-page screenshot
 * in benchmarks/target/report-screenshot.png.
 */
class ChromiumReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final int VIEWPORT_WIDTH = 1280;

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void reportLoadsCleanlyOffline() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = CHROMIUM + " is missing; install Debian's chromium package (apt-get install -y chromium)";
            if ("1".equals(System.getenv("GLUEBENCH_REQUIRE_ALL"))) {
                fail(reason);
            }
            Assumptions.assumeTrue(false, reason);
        }
        Path runDir = dir.resolve("run");
        Run run = ReferenceRun.copyTo(runDir);
        Path html = Reports.writeAll(run, Analyzer.analyze(run), runDir).get(0);
        long charts = ReferenceRun.pngCount(runDir);

        Path profile = Files.createTempDirectory("gluebench-chromium-");
        Process chromium = null;
        Cdp cdp = null;
        try {
            chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                    "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                    .redirectOutput(profile.resolve("chromium.out").toFile())
                    .redirectError(profile.resolve("chromium.err").toFile())
                    .start();
            int port = devToolsPort(profile, chromium);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String wsUrl = pageSocket(http, port);
            cdp = new Cdp(http, URI.create(wsUrl));

            List<String> problems = new CopyOnWriteArrayList<>();
            List<String> requests = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> loaded = new CompletableFuture<>();
            cdp.onEvent(e -> {
                String method = e.path("method").asText();
                JsonNode p = e.path("params");
                switch (method) {
                    case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
                    case "Runtime.consoleAPICalled" -> {
                        if ("error".equals(p.path("type").asText())) {
                            problems.add("console error: " + p.path("args"));
                        }
                    }
                    case "Log.entryAdded" -> {
                        if ("error".equals(p.path("entry").path("level").asText())) {
                            problems.add("log error: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                        }
                    }
                    case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                    case "Network.loadingFailed" -> problems.add("loading failed: " + p);
                    case "Page.loadEventFired" -> loaded.complete(null);
                    default -> {
                    }
                }
            });
            for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
                cdp.call(domain + ".enable", Map.of());
            }
            cdp.call("Emulation.setDeviceMetricsOverride",
                    Map.of("width", VIEWPORT_WIDTH, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            JsonNode nav = cdp.call("Page.navigate", Map.of("url", html.toUri().toString()));
            assertTrue(nav.path("errorText").isMissingNode() || nav.path("errorText").asText().isEmpty(),
                    "navigation: " + nav);
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            boolean allShown = cdp.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)").asBoolean();
            int images = cdp.evaluate("document.images.length").asInt();
            int sections = cdp.evaluate("document.querySelectorAll('main section h2').length").asInt();
            int scripts = cdp.evaluate("document.scripts.length").asInt();

            JsonNode metrics = cdp.call("Page.getLayoutMetrics", Map.of());
            JsonNode size = metrics.has("cssContentSize") ? metrics.path("cssContentSize") : metrics.path("contentSize");
            double width = Math.max(VIEWPORT_WIDTH, size.path("width").asDouble());
            double height = size.path("height").asDouble();
            JsonNode shot = cdp.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Path screenshot = screenshotPath();
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, Base64.getDecoder().decode(shot.path("data").asText()));
            System.out.println("report screenshot: " + screenshot.toAbsolutePath()
                    + " (" + (int) width + "x" + (int) height + " CSS px)");

            assertEquals(List.of(), List.copyOf(problems), "no errors while loading the report");
            List<String> external = requests.stream().filter(u -> !u.startsWith("file:") && !u.startsWith("data:")).toList();
            assertEquals(List.of(), external, "no request other than file: and data:");
            assertTrue(requests.stream().anyMatch(u -> u.startsWith("file:")), "the report itself was requested: " + requests);
            assertTrue(allShown, "every image decoded and shown");
            assertEquals(charts, images, "one image per embedded chart");
            assertEquals(ReportContentTest.SECTIONS.size(), sections, "every section rendered");
            assertEquals(0, scripts, "no script");
        } finally {
            if (cdp != null) {
                cdp.close();
            }
            if (chromium != null) {
                stop(chromium);
            }
            deleteQuietly(profile);
        }
    }

    private static Path screenshotPath() {
        String home = System.getProperty("gluebench.home");
        return home == null ? Path.of("target", "report-screenshot.png")
                : Path.of(home).resolve("benchmarks/target/report-screenshot.png").normalize();
    }

    /** The port Chromium chose: DevToolsActivePort in the profile, else its "DevTools listening on" line. */
    private static int devToolsPort(Path profile, Process chromium) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Path portFile = profile.resolve("DevToolsActivePort");
        Path err = profile.resolve("chromium.err");
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (Files.isRegularFile(err)) {
                var m = java.util.regex.Pattern.compile("DevTools listening on ws://[^:]+:(\\d+)/").matcher(Files.readString(err));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!chromium.isAlive()) {
                fail("chromium exited with " + chromium.exitValue() + ": " + (Files.isRegularFile(err) ? Files.readString(err) : ""));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("chromium did not open its DevTools port within " + TIMEOUT.toSeconds() + " s");
    }

    private String pageSocket(HttpClient http, int port) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode targets = json.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText()) && t.hasNonNull("webSocketDebuggerUrl")) {
                    return t.path("webSocketDebuggerUrl").asText();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("chromium listed no page target");
    }

    private static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle c : children) {
            if (c.isAlive()) {
                c.destroyForcibly();
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }

    /** A minimal DevTools-protocol client: numbered calls with replies, and an event callback. */
    final class Cdp implements WebSocket.Listener, AutoCloseable {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;
        private volatile Consumer<JsonNode> events = e -> { };

        Cdp(HttpClient http, URI uri) throws Exception {
            this.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, this).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        void onEvent(Consumer<JsonNode> c) {
            events = c;
        }

        JsonNode call(String method, Map<String, ?> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            pending.put(id, reply);
            ObjectNode msg = json.createObjectNode();
            msg.put("id", id);
            msg.put("method", method);
            msg.set("params", json.valueToTree(params));
            socket.sendText(json.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new AssertionError(method + " failed: " + r.path("error"));
            }
            return r.path("result");
        }

        JsonNode evaluate(String expression) throws Exception {
            JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (r.has("exceptionDetails")) {
                throw new AssertionError(expression + " threw: " + r.path("exceptionDetails"));
            }
            return r.path("result").path("value");
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode msg = json.readTree(text);
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.path("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else {
                        events.accept(msg);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
