package org.twittner.account.control;

import org.twittner.platform.ApiException;

/** verify_user's text fields, checked with the reference's limits and the documented messages. */
public record VerificationForm(String fullName, String text) {

    public VerificationForm {
        fullName = fullName == null ? "" : fullName.strip();
        text = text == null ? "" : text.strip();
    }

    public void check() {
        int name = fullName.codePointCount(0, fullName.length());
        if (name < 3 || name > 60) {
            throw new ApiException(400, "Invalid user full name. Please check your details");
        }
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > 1200) {
            throw new ApiException(400, "Text message to the reviewer is incorrect or missing");
        }
    }
}
