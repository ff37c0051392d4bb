package io.chatsuite.e2e.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Saves full-page screenshots of the browser tests under {@code e2e/target/screenshots}, for people to look at. */
public final class Screenshots {

    private Screenshots() {}

    public static void save(Page page, String name) {
        Path dir = Paths.get("target/screenshots");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(
                new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }
}
