package org.twittner.account.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.assertDone;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertError;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;

/**
 * resetpassword, the mail it sends, complete_password_reset and the page the mail links to
 * (webapp/reset-password.html), as a user meets them: the mail is received by a GreenMail SMTP
 * server on 127.0.0.1:13025 (where the test servers send it), and the link from the mail is
 * opened in a real headless Chromium sized like a phone.
 */
public interface PasswordResetTests {

    /** Implemented by SocialApiIT: a client of the deployment under test. */
    ApiClient api();

    String RESET_SENT = "Check your email for resetting your password";
    String RESET_BAD_ADDRESS = "Email address is not valid";
    String RESET_UNKNOWN_ADDRESS = "Email address is unknown";
    String RESET_EXPIRED = "This link has expired or was already used. Please ask for a new one in the app";
    String RESET_MISMATCH = "The two passwords are not the same";
    String RESET_LENGTH = "The password must be 6 to 20 characters long";
    String RESET_DONE = "Your password has been changed. You can now log in with it";

    String RESET_MAIL_FROM = "no-reply@twittner.test";
    String RESET_MAIL_SUBJECT = "Reset your Twittner password";
    int RESET_SMTP_PORT = 13025;
    String RESET_CHROMIUM = "/usr/bin/chromium";
    String RESET_CHROMEDRIVER = "/usr/bin/chromedriver";

    // ---- resetpassword ----------------------------------------------------------------------

    @Test
    @RunAsClient
    default void resetPasswordRefusesInvalidAndUnknownAddressesAndSendsNothing() {
        ApiClient api = api();
        GreenMail mail = startMailServer();
        try {
            String fiftySix = "a".repeat(44) + "@example.com";
            assertEquals(56, fiftySix.length());
            for (String email : List.of("abc", "a@b.co", "a@bc.io", fiftySix, "", "   ", "not an address",
                    "no-at-sign.example.com", "two@@example.com")) {
                assertError(api.postForm("resetpassword", "email", email), 411, RESET_BAD_ADDRESS);
            }
            assertError(api.postForm("resetpassword"), 411, RESET_BAD_ADDRESS);
            assertError(api.postMultipart("resetpassword", "email", "abc"), 411, RESET_BAD_ADDRESS);

            String unknown = freshAddress();
            assertError(api.postForm("resetpassword", "email", unknown), 411, RESET_UNKNOWN_ADDRESS);
            assertError(api.postForm("resetpassword", "email", "  " + unknown + "  "), 411, RESET_UNKNOWN_ADDRESS);
            String fiftyFive = unknown.substring(0, unknown.indexOf('@')) + "x".repeat(55 - unknown.length())
                    + unknown.substring(unknown.indexOf('@'));
            assertEquals(55, fiftyFive.length());
            assertError(api.postForm("resetpassword", "email", fiftyFive), 411, RESET_UNKNOWN_ADDRESS);
            assertError(api.postForm("resetpassword", "email", "ab@cd.io"), 411, RESET_UNKNOWN_ADDRESS);

            assertFalse(mail.waitForIncomingEmail(1500, 1), "a refused request sends no mail");
        } finally {
            mail.stop();
        }
    }

    @Test
    @RunAsClient
    default void resetPasswordMailsALinkToTheAccountsAddress() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        GreenMail mail = startMailServer();
        try {
            long before = Instant.now().getEpochSecond();
            assertDone(api.postForm("resetpassword", "email", account.email()), RESET_SENT);

            assertTrue(mail.waitForIncomingEmail(5000, 1), "the reset mail arrives within 5 s");
            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(1, received.length, "exactly one mail");
            MimeMessage message = received[0];
            assertEquals(List.of(RESET_MAIL_FROM), addresses(message.getFrom()));
            assertEquals(List.of(account.email()), addresses(message.getRecipients(Message.RecipientType.TO)));
            assertEquals(List.of(), addresses(message.getRecipients(Message.RecipientType.CC)));
            assertEquals(RESET_MAIL_SUBJECT, message.getSubject());

            String link = linkIn(api, message);
            String token = tokenOf(link);

            List<String> hashes = Fixtures.sql(api, "select token_hash from password_resets where user_id = ?", account.id());
            assertEquals(1, hashes.size(), "one pending reset for the account");
            assertEquals(64, hashes.get(0).strip().length(), hashes.toString());
            assertNotEquals(token, hashes.get(0).strip(), "only a hash of the token is stored");
            assertEquals(0, Fixtures.number(api, "select count(*) from password_resets where token_hash = ?", token),
                    "the token itself is not stored");
            long expires = Fixtures.number(api, "select expires_at from password_resets where user_id = ?", account.id());
            long after = Instant.now().getEpochSecond();
            assertTrue(expires >= before + 3600 - 60 && expires <= after + 3600 + 60,
                    "the link expires after an hour: expires_at " + expires + ", now " + after);

            assertEquals(200, sessionCheck(api, account.token()).code(), "asking for a link ends no session");
            assertEquals(200, login(api, account.email(), TestAccounts.PASSWORD).code(), "nor changes the password");
        } finally {
            mail.stop();
        }
    }

    // ---- complete_password_reset ------------------------------------------------------------

    @Test
    @RunAsClient
    default void completePasswordResetRefusesBadPasswordsAndTokensWithoutSpendingTheLink() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        GreenMail mail = startMailServer();
        try {
            String token = tokenOf(requestLink(api, mail, account, 0));

            assertError(complete(api, token, "newpass1", "newpass2"), 400, RESET_MISMATCH);
            assertError(complete(api, token, "abc", "abd"), 400, RESET_MISMATCH);
            assertError(complete(api, token, "abcde", "abcde"), 400, RESET_LENGTH);
            assertError(complete(api, token, "", ""), 400, RESET_LENGTH);
            assertError(complete(api, token, "x".repeat(21), "x".repeat(21)), 400, RESET_LENGTH);

            String unknown = randomToken();
            assertError(complete(api, unknown, "newpass1", "newpass1"), 400, RESET_EXPIRED);
            assertError(complete(api, unknown, "newpass1", "other"), 400, RESET_EXPIRED);
            assertError(complete(api, "", "newpass1", "newpass1"), 400, RESET_EXPIRED);
            assertError(api.postForm("complete_password_reset", "password", "newpass1", "password_repeat", "newpass1"),
                    400, RESET_EXPIRED);
            assertError(complete(api, token.substring(1), "newpass1", "newpass1"), 400, RESET_EXPIRED);
            assertError(complete(api, token.toUpperCase(Locale.ROOT).equals(token) ? token.toLowerCase(Locale.ROOT)
                    : token.toUpperCase(Locale.ROOT), "newpass1", "newpass1"), 400, RESET_EXPIRED);

            assertEquals(200, login(api, account.email(), TestAccounts.PASSWORD).code(), "nothing changed so far");
            assertEquals(402, login(api, account.email(), "newpass1").code());
            assertEquals(200, sessionCheck(api, account.token()).code(), "refused attempts end no session");

            String twenty = "Twenty-chars-pass-20";
            assertEquals(20, twenty.length());
            assertDone(complete(api, token, twenty, twenty), RESET_DONE);
            assertEquals(200, login(api, account.email(), twenty).code(), "the refusals did not spend the link");
        } finally {
            mail.stop();
        }
    }

    @Test
    @RunAsClient
    default void anExpiredLinkIsRefused() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        GreenMail mail = startMailServer();
        try {
            String token = tokenOf(requestLink(api, mail, account, 0));
            assertEquals(List.of("1"), Fixtures.sql(api, "update password_resets set expires_at = 0 where user_id = ?",
                    account.id()));

            assertError(complete(api, token, "newpass1", "newpass1"), 400, RESET_EXPIRED);
            assertEquals(402, login(api, account.email(), "newpass1").code(), "the password did not change");
            assertEquals(200, login(api, account.email(), TestAccounts.PASSWORD).code());
            assertEquals(200, sessionCheck(api, account.token()).code(), "the session lives on");
        } finally {
            mail.stop();
        }
    }

    @Test
    @RunAsClient
    default void aNewRequestReplacesTheOldLink() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        GreenMail mail = startMailServer();
        try {
            String first = tokenOf(requestLink(api, mail, account, 0));

            // the address is taken after strip, as typed into the app
            assertDone(api.postForm("resetpassword", "email", "  " + account.email() + " "), RESET_SENT);
            assertTrue(mail.waitForIncomingEmail(5000, 2), "the second mail arrives within 5 s");
            List<String> tokens = new ArrayList<>();
            for (MimeMessage message : mail.getReceivedMessages()) {
                assertEquals(List.of(account.email()), addresses(message.getRecipients(Message.RecipientType.TO)));
                tokens.add(tokenOf(linkIn(api, message)));
            }
            assertEquals(2, tokens.size(), tokens.toString());
            assertTrue(tokens.contains(first), tokens.toString());
            String second = tokens.get(0).equals(first) ? tokens.get(1) : tokens.get(0);
            assertNotEquals(first, second, "each request makes a new link");
            assertEquals(1, Fixtures.number(api, "select count(*) from password_resets where user_id = ?", account.id()));

            assertError(complete(api, first, "newpass1", "newpass1"), 400, RESET_EXPIRED);
            assertEquals(402, login(api, account.email(), "newpass1").code(), "the replaced link changed nothing");
            assertDone(complete(api, second, "newpass2", "newpass2"), RESET_DONE);
            assertEquals(200, login(api, account.email(), "newpass2").code());
        } finally {
            mail.stop();
        }
    }

    @Test
    @RunAsClient
    default void completingTheResetChangesThePasswordEndsEverySessionAndSpendsTheLink() throws Exception {
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        Reply otherDevice = login(api, account.email(), TestAccounts.PASSWORD);
        assertEquals(200, otherDevice.code(), otherDevice.toString());
        String otherToken = otherDevice.json().getJsonObject("auth").getString("auth_token");
        String otherRefresh = otherDevice.json().getJsonObject("auth").getString("refresh_token");
        Account bystander = TestAccounts.create(api);
        GreenMail mail = startMailServer();
        try {
            String token = tokenOf(requestLink(api, mail, account, 0));
            String newPassword = "Fresh-Pässword1";

            assertDone(complete(api, token, newPassword, newPassword), RESET_DONE);

            for (String authToken : List.of(account.token(), otherToken)) {
                assertError(sessionCheck(api, authToken), 401, "Unauthorized Access");
            }
            for (String refresh : List.of(account.refreshToken(), otherRefresh)) {
                assertError(api.postForm("refresh_access_token", "refresh_token", refresh), 400,
                        "Invalid token value or user account disabled");
            }
            assertEquals(0, Fixtures.number(api, "select count(*) from sessions where user_id = ?", account.id()),
                    "every session of the account ended");

            assertError(complete(api, token, newPassword, newPassword), 400, RESET_EXPIRED);
            assertError(complete(api, token, "another1", "another1"), 400, RESET_EXPIRED);

            assertError(login(api, account.email(), TestAccounts.PASSWORD), 402, "Incorrect Credentials");
            Reply signedIn = login(api, account.email(), newPassword);
            assertEnvelope(signedIn, 200, "User logged in successfully", "auth");
            assertEquals(account.id(), signedIn.data().getJsonObject("user").getJsonNumber("user_id").longValue());
            assertError(login(api, account.email(), "another1"), 402, "Incorrect Credentials");

            assertEquals(200, sessionCheck(api, bystander.token()).code(), "another account keeps its session");
            assertEquals(200, login(api, bystander.email(), TestAccounts.PASSWORD).code(), "and its password");
        } finally {
            mail.stop();
        }
    }

    // ---- the page ---------------------------------------------------------------------------

    @Test
    @RunAsClient
    default void theResetPageIsServedWithLocalFilesOnly() {
        ApiClient api = api();
        URI page = api.root().resolve("reset-password.html");
        HttpResponse<byte[]> response = api.raw(HttpRequest.newBuilder(page).GET());
        assertEquals(200, response.statusCode(), page.toString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/html"), "Content-Type was " + type);
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<html lang=\"en\""), "lang=\"en\"");
        assertTrue(html.contains("name=\"viewport\""), "a viewport for phones");

        // a strict Content-Security-Policy (script-src 'self') would block inline code: none here
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "no inline script: " + scripts.group());
        }
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline event handlers");
        assertFalse(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline style attributes");

        Matcher resources = Pattern.compile("\\s(?:src|href)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(html);
        int checked = 0;
        while (resources.find()) {
            String path = resources.group(1);
            assertFalse(path.contains("//") || path.contains(":"), "a local resource, no CDN: " + path);
            HttpResponse<byte[]> resource = api.raw(HttpRequest.newBuilder(page.resolve(path)).GET());
            assertEquals(200, resource.statusCode(), path);
            assertTrue(resource.body().length > 0, path);
            String text = new String(resource.body(), StandardCharsets.UTF_8);
            assertFalse(Pattern.compile("https?://|url\\(\\s*[\"']?//|@import", Pattern.CASE_INSENSITIVE).matcher(text).find(),
                    "nothing loaded from elsewhere by " + path);
            checked++;
        }
        assertTrue(checked > 0, "the page's script is a file of its own");
    }

    @Test
    @RunAsClient
    default void theLinkFromTheMailChangesThePasswordInAPhoneBrowser() throws Exception {
        requireChromium();
        ApiClient api = api();
        Account account = TestAccounts.create(api);
        String newPassword = "Phone-pass-42";
        GreenMail mail = startMailServer();
        WebDriver driver = null;
        try {
            String link = requestLink(api, mail, account, 0);
            String page = siteRoot(api) + "reset-password.html";
            driver = phoneBrowser();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

            driver.get(link); // exactly as received
            wait.until(d -> !d.getCurrentUrl().contains("#"));
            assertEquals(page, driver.getCurrentUrl(), "the token is taken out of the address bar");
            assertEquals("en", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
            WebElement form = driver.findElement(By.cssSelector("form#reset-form"));
            WebElement password = driver.findElement(By.cssSelector("input#password"));
            WebElement repeat = driver.findElement(By.cssSelector("input#password-repeat"));
            WebElement submit = driver.findElement(By.cssSelector("button#submit"));
            WebElement message = driver.findElement(By.id("message"));
            assertEquals("password", password.getDomAttribute("type"));
            assertEquals("password", repeat.getDomAttribute("type"));
            assertEquals("submit", submit.getDomAttribute("type"));
            assertEquals("status", message.getDomAttribute("role"));
            assertEquals("polite", message.getDomAttribute("aria-live"));
            assertEquals(1, driver.findElements(By.cssSelector("label[for='password']")).size(), "a label");
            assertEquals(1, driver.findElements(By.cssSelector("label[for='password-repeat']")).size(), "a label");
            assertTrue(form.isDisplayed());
            assertEquals("", message.getText(), "nothing to say before submitting");
            assertFitsAPhone(driver, password, repeat, submit);

            password.sendKeys("Phone-pass-42");
            repeat.sendKeys("Phone-pass-43");
            submit.click();
            wait.until(ExpectedConditions.textToBe(By.id("message"), RESET_MISMATCH));
            assertTrue(form.isDisplayed(), "the form stays for another try");
            assertNull(form.getDomAttribute("hidden"));
            screenshot(driver, "reset-password-mismatch.png");
            assertEquals(402, login(api, account.email(), "Phone-pass-42").code(), "nothing was sent");

            password.clear();
            repeat.clear();
            password.sendKeys(newPassword);
            repeat.sendKeys(newPassword);
            submit.click();
            wait.until(ExpectedConditions.textToBe(By.id("message"), RESET_DONE));
            wait.until(d -> d.findElement(By.id("reset-form")).getDomAttribute("hidden") != null);
            assertFalse(driver.findElement(By.id("reset-form")).isDisplayed(), "the form is hidden after success");
            assertTrue(driver.findElement(By.id("message")).isDisplayed());
            screenshot(driver, "reset-password-done.png");

            Reply signedIn = login(api, account.email(), newPassword);
            assertEnvelope(signedIn, 200, "User logged in successfully", "auth");
            assertEquals(account.id(), signedIn.data().getJsonObject("user").getJsonNumber("user_id").longValue());
            assertError(login(api, account.email(), TestAccounts.PASSWORD), 402, "Incorrect Credentials");
            assertError(sessionCheck(api, account.token()), 401, "Unauthorized Access");

            // the used link, opened again (from a blank page: the same address with another
            // fragment would only scroll the current page instead of loading it)
            driver.get("about:blank");
            driver.get(link);
            wait.until(d -> !d.getCurrentUrl().contains("#"));
            assertEquals("", driver.findElement(By.id("message")).getText());
            driver.findElement(By.id("password")).sendKeys("Used-link-pass1");
            driver.findElement(By.id("password-repeat")).sendKeys("Used-link-pass1");
            driver.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.textToBe(By.id("message"), RESET_EXPIRED));
            assertTrue(driver.findElement(By.id("reset-form")).isDisplayed(), "only success hides the form");
            screenshot(driver, "reset-password-used-link.png");
            assertEquals(402, login(api, account.email(), "Used-link-pass1").code(), "a used link changes nothing");
            assertEquals(200, login(api, account.email(), newPassword).code());

            // the page without any token
            driver.get("about:blank");
            driver.get(page);
            wait.until(ExpectedConditions.textToBe(By.id("message"), RESET_EXPIRED));
        } finally {
            try {
                if (driver != null) {
                    driver.quit();
                }
            } finally {
                mail.stop();
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** GreenMail on the address the test servers send to (TWITTNER_SMTP_HOST/PORT in pom.xml). */
    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(new ServerSetup(RESET_SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /**
     * Asks for a reset link for the account and returns the link from the mail, which must be the
     * {@code already + 1}th mail received.
     */
    private static String requestLink(ApiClient api, GreenMail mail, Account account, int already) throws Exception {
        assertDone(api.postForm("resetpassword", "email", account.email()), RESET_SENT);
        assertTrue(mail.waitForIncomingEmail(5000, already + 1), "the reset mail arrives within 5 s");
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(already + 1, received.length, "one mail per request");
        MimeMessage message = received[already];
        assertEquals(List.of(account.email()), addresses(message.getRecipients(Message.RecipientType.TO)));
        return linkIn(api, message);
    }

    /**
     * The link of a reset mail: the text/plain UTF-8 body has it on a line of its own, made of the
     * test server's root, reset-password.html and #token= with 43 characters of [A-Za-z0-9_-].
     */
    private static String linkIn(ApiClient api, MimeMessage message) throws MessagingException, IOException {
        assertTrue(message.isMimeType("text/plain"), "a text/plain mail: " + message.getContentType());
        String charset = new ContentType(message.getContentType()).getParameter("charset");
        assertTrue("UTF-8".equalsIgnoreCase(charset), "UTF-8 text: " + message.getContentType());
        Object content = message.getContent();
        assertTrue(content instanceof String, "a text body: " + content);
        String body = (String) content;
        List<String> lines = body.lines().filter(line -> line.contains("reset-password.html")).toList();
        assertEquals(1, lines.size(), "one line with the link in: " + body);
        String link = lines.get(0);
        assertTrue(Pattern.matches(Pattern.quote(siteRoot(api) + "reset-password.html#token=") + "[A-Za-z0-9_-]{43}", link),
                "the link alone on its line, at this server: " + link);
        return link;
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("#token=") + "#token=".length());
    }

    /** The server root as the test servers know it (TWITTNER_SITE_URL uses 127.0.0.1). */
    private static String siteRoot(ApiClient api) {
        return "http://127.0.0.1:" + api.root().getPort() + "/";
    }

    private static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses).map(address -> ((InternetAddress) address).getAddress()).toList();
    }

    private static Reply complete(ApiClient api, String token, String password, String repeat) {
        return api.postForm("complete_password_reset", "token", token, "password", password, "password_repeat", repeat);
    }

    private static Reply login(ApiClient api, String email, String password) {
        return api.postForm("login", "email", email, "password", password);
    }

    /** A read that needs a live session: 200, or 401 once the session has ended. */
    /** A call that answers 200 to any live session (401 otherwise). */
    private static Reply sessionCheck(ApiClient api, String authToken) {
        return api.get("get_priv_settings", "session_id", authToken);
    }

    private static String freshAddress() {
        return "nobody" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
    }

    /** 43 characters of [A-Za-z0-9_-], as a real token, but issued by no one. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Chromium and its driver come from Debian: the test fails (never skips) without them. */
    private static void requireChromium() {
        for (String path : List.of(RESET_CHROMIUM, RESET_CHROMEDRIVER)) {
            assertTrue(Files.isExecutable(Path.of(path)), path + " is missing: the reset page is tested in a real"
                    + " browser; install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        }
    }

    /**
     * Headless Chromium with a phone's screen, 412 x 915 CSS pixels. Headless windows are at least
     * 500 px wide whatever --window-size says, so the phone's metrics are emulated as well (a
     * mobile viewport: a page without a viewport meta tag would be laid out 980 px wide).
     */
    private static WebDriver phoneBrowser() {
        System.setProperty("webdriver.chrome.driver", RESET_CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RESET_CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=412,915");
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 412, "height", 915, "pixelRatio", 1.0, "mobile", true, "touch", true)));
        return new ChromeDriver(options);
    }

    /** Laid out for the phone's width, no sideways scrolling, touch targets at least 44 px high. */
    private static void assertFitsAPhone(WebDriver driver, WebElement... targets) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        assertEquals(412L, script.executeScript("return window.innerWidth;"), "the viewport meta tag sizes the page");
        assertEquals(Boolean.TRUE, script.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"),
                "no horizontal scrolling on a phone");
        for (WebElement target : targets) {
            assertTrue(target.getSize().getHeight() >= 44, "a big touch target: " + target.getDomAttribute("id")
                    + " is " + target.getSize().getHeight() + " px high");
        }
    }

    /** Saves a PNG under target/screenshots and checks that it is one. */
    private static void screenshot(WebDriver driver, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path saved = Path.of("target", "screenshots", name);
        Files.createDirectories(saved.getParent());
        Files.copy(shot.toPath(), saved, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.isRegularFile(saved), saved.toString());
        assertTrue(Files.size(saved) > 0, saved + " is empty");
        byte[] head = Arrays.copyOf(Files.readAllBytes(saved), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, head, saved + " is a PNG");
    }
}
