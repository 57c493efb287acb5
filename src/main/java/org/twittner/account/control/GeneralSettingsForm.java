package org.twittner.account.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.twittner.platform.ApiException;
import org.twittner.platform.NumberText;
import org.twittner.session.control.SignupForm;
import org.twittner.user.control.Countries;

/**
 * gen_settings' fields, checked in the reference server's order with its messages (code 400,
 * typos included: the apps show them). The uniqueness checks need the database and are made by
 * {@link GeneralSettings} at their place in the order.
 */
public record GeneralSettingsForm(String firstName, String lastName, String about, String gender, String email,
        String username, String website, String countryId) {

    static final Set<String> GENDERS = Set.of("M", "F", "O", "T");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]+");
    static final int ABOUT_MAX = 140;
    static final int WEBSITE_MAX = 115;

    public GeneralSettingsForm {
        firstName = strip(firstName);
        lastName = strip(lastName);
        about = strip(about);
        gender = strip(gender).toUpperCase(Locale.ROOT);
        email = strip(email);
        username = strip(username);
        website = strip(website);
        countryId = strip(countryId);
    }

    /** The checks before the e-mail's uniqueness. */
    void checkNamesAboutEmail() {
        if (!lengthBetween(firstName, 3, 25)) {
            throw bad("Invlid user first name");
        }
        if (!lengthBetween(lastName, 3, 25)) {
            throw bad("Invlid user last name");
        }
        if (characters(about) > ABOUT_MAX) {
            throw bad("The text you entered is too long, the maximum length is 140 characters");
        }
        if (!SignupForm.isEmail(email)) {
            throw bad("The email address you entered does not match the valid format.");
        }
    }

    /** The checks between the e-mail's uniqueness and the username's. */
    int checkGenderWebsiteCountryUsername() {
        if (!GENDERS.contains(gender)) {
            throw bad("The user gender you selected is not valid");
        }
        if (!website.isEmpty() && !isWebsite(website)) {
            throw bad("Website URL address you entered is not valid");
        }
        long country = NumberText.positiveId(countryId);
        if (country <= 0 || country > Integer.MAX_VALUE || Countries.name((int) country).isEmpty()) {
            throw bad("Country your selected is not valid");
        }
        if (!lengthBetween(username, 3, 25)) {
            throw bad("Username is missing or inavlid");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw bad("This username does not match the valid format. Please select a username of no more than 25"
                    + " characters using only letters (a-z) numbers and underscores");
        }
        return (int) country;
    }

    /** An http or https URL with a host, as a browser would open it. */
    static boolean isWebsite(String url) {
        if (url.length() > WEBSITE_MAX) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static ApiException bad(String message) {
        return new ApiException(400, message);
    }

    private static boolean lengthBetween(String text, int min, int max) {
        int length = characters(text);
        return length >= min && length <= max;
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
