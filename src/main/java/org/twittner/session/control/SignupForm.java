package org.twittner.session.control;

import java.util.regex.Pattern;
import org.twittner.platform.ApiException;

/**
 * Sign-up fields, checked in the reference server's order with its messages (code 410). The
 * uniqueness checks that sit between them need the database and are done by
 * {@link Accounts}.
 */
public record SignupForm(String firstName, String lastName, String username, String email, String password) {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{3,25}");
    static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    static final int EMAIL_MAX = 55;

    public SignupForm {
        firstName = trim(firstName);
        lastName = trim(lastName);
        username = trim(username);
        email = trim(email);
        password = password == null ? "" : password;
    }

    public void checkNames() {
        if (!lengthBetween(firstName, 3, 25)) {
            throw new ApiException(410, "Invalid user first name");
        }
        if (!lengthBetween(lastName, 3, 25)) {
            throw new ApiException(410, "Invalid user last name");
        }
    }

    public void checkUsername() {
        if (!USERNAME.matcher(username).matches()) {
            throw new ApiException(410, "Invalid username");
        }
    }

    public void checkEmail() {
        if (!isEmail(email)) {
            throw new ApiException(410, "Invalid email address");
        }
    }

    public void checkPassword() {
        if (!lengthBetween(password, 6, 20)) {
            throw new ApiException(410, "Invalid password");
        }
    }

    /** A password as sign-up accepts it: 6 to 20 characters. */
    public static boolean isPassword(String password) {
        return password != null && lengthBetween(password, 6, 20);
    }

    public static boolean isEmail(String email) {
        return email.length() <= EMAIL_MAX && EMAIL.matcher(email).matches();
    }

    private static boolean lengthBetween(String text, int min, int max) {
        int length = characters(text);
        return length >= min && length <= max;
    }

    /** Length in characters as users count them (an emoji is one, not two UTF-16 units). */
    static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
