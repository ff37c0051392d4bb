package io.chatsuite.gateway.build;

import com.google.javascript.jscomp.CompilationLevel;
import com.google.javascript.jscomp.Compiler;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.DependencyOptions;
import com.google.javascript.jscomp.JSError;
import com.google.javascript.jscomp.ModuleIdentifier;
import com.google.javascript.jscomp.Result;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.jscomp.deps.ModuleLoader.ResolutionMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Build-time assembly of the customer widget: joins its ES modules (and the common console modules they import) into
 * one minified classic script with the Closure Compiler, stamps the bundle's folder with a hash of its content and
 * writes that stamp into the loader, then fails the build when the bundle outgrows its gzipped budget.
 *
 * <p>Run by the chat-gateway Maven build as a single-file Java program (no compile step, only a JDK and the Closure
 * Compiler jar): {@code java -cp closure-compiler.jar WidgetBundler.java <web root> <output root> <budget bytes>}.
 * It writes {@code widget/loader.js} and {@code widget/<stamp>/widget.js|widget.css} under the output root.
 */
public final class WidgetBundler {

    private static final String ENTRY = "widget/src/main.js";
    private static final String LOADER = "widget/src/loader.js";
    private static final String STYLES = "widget/src/widget.css";
    private static final String STAMP_PLACEHOLDER = "__WIDGET_STAMP__";
    private static final List<String> MODULE_FOLDERS = List.of("widget/src", "console/common");

    private WidgetBundler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WidgetBundler <web root> <output root> <gzipped budget in bytes>");
            System.exit(2);
        }
        Path webRoot = Path.of(args[0]);
        Path outRoot = Path.of(args[1]);
        long budget = Long.parseLong(args[2]);

        String widget = compile(moduleSources(webRoot), ENTRY, true);
        String css = minifyCss(Files.readString(webRoot.resolve(STYLES)));
        String stamp = stamp(widget, css);
        String loaderSource = Files.readString(webRoot.resolve(LOADER));
        if (!loaderSource.contains(STAMP_PLACEHOLDER)) {
            fail(LOADER + " does not contain " + STAMP_PLACEHOLDER);
        }
        String loader = compile(List.of(SourceFile.fromCode(LOADER, loaderSource.replace(STAMP_PLACEHOLDER, stamp))),
                null, false);

        Path widgetOut = outRoot.resolve("widget");
        deleteTree(widgetOut); // bundles of earlier builds would otherwise be served forever
        Files.createDirectories(widgetOut.resolve(stamp));
        Files.writeString(widgetOut.resolve("loader.js"), loader);
        Files.writeString(widgetOut.resolve(stamp).resolve("widget.js"), widget);
        Files.writeString(widgetOut.resolve(stamp).resolve("widget.css"), css);

        long jsGzip = gzippedSize(widget);
        long cssGzip = gzippedSize(css);
        System.out.printf("[widget] bundle /widget/%s/: widget.js %,d bytes (%,d gzipped), widget.css %,d bytes "
                + "(%,d gzipped); loader.js %,d bytes; %,d of %,d gzipped bytes used%n", stamp, utf8Length(widget),
                jsGzip, utf8Length(css), cssGzip, utf8Length(loader), jsGzip + cssGzip, budget);
        if (jsGzip + cssGzip > budget) {
            fail("the widget (JS + CSS) is " + (jsGzip + cssGzip) + " bytes gzipped, over its budget of " + budget);
        }
    }

    /** Every module the widget may import; the compiler keeps only those reachable from the entry point. */
    private static List<SourceFile> moduleSources(Path webRoot) throws IOException {
        List<SourceFile> sources = new ArrayList<>();
        for (String folder : MODULE_FOLDERS) {
            try (Stream<Path> files = Files.list(webRoot.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                    String name = webRoot.relativize(file).toString().replace('\\', '/');
                    if (!name.equals(LOADER)) {
                        sources.add(SourceFile.fromCode(name, Files.readString(file)));
                    }
                }
            }
        }
        return sources;
    }

    /**
     * SIMPLE optimizations: local names shrink, property names stay, so DOM and protocol field names need no externs.
     * The output is wrapped in a function so that nothing leaks into the host page's globals.
     */
    private static String compile(List<SourceFile> sources, String entryPoint, boolean modules) {
        CompilerOptions options = new CompilerOptions();
        CompilationLevel.SIMPLE_OPTIMIZATIONS.setOptionsForCompilationLevel(options);
        options.setLanguageIn(LanguageMode.STABLE_IN);
        options.setLanguageOut(LanguageMode.ECMASCRIPT_2020);
        options.setEmitUseStrict(false);
        if (modules) {
            options.setModuleResolutionMode(ResolutionMode.BROWSER);
            options.setDependencyOptions(
                    DependencyOptions.pruneForEntryPoints(List.of(ModuleIdentifier.forFile(entryPoint))));
        }
        Compiler compiler = new Compiler(System.err);
        Result result = compiler.compile(List.of(), sources, options);
        for (JSError warning : compiler.getWarnings()) {
            System.err.println("[widget] warning: " + warning);
        }
        if (!result.success) {
            compiler.getErrors().forEach(error -> System.err.println("[widget] error: " + error));
            fail("the widget does not compile");
        }
        return "(function(){'use strict';" + compiler.toSource() + "})();\n";
    }

    /** Comments and indentation only: anything cleverer could change what a selector means. */
    private static String minifyCss(String css) {
        String withoutComments = css.replaceAll("(?s)/\\*.*?\\*/", "");
        StringBuilder out = new StringBuilder();
        for (String line : withoutComments.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                out.append(trimmed).append('\n');
            }
        }
        return out.toString();
    }

    private static String stamp(String js, String css) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(js.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(css.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long gzippedSize(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.size();
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void fail(String message) {
        System.err.println("[widget] BUILD FAILED: " + message);
        System.exit(1);
    }
}
