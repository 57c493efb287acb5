package org.twittner.platform;

/**
 * What publication_report and profile_report send besides the id: a reason 1 to 6 (each
 * endpoint names them) and an optional comment, kept to 2,900 characters as the reference does.
 */
public record ReportForm(int reason, String comment) {

    public static final String BAD_REASON = "Report reason id is missing or invalid";
    static final int REASONS = 6;
    static final int COMMENT_CHARACTERS = 2900;

    public static ReportForm read(RequestParams params) {
        long reason = params.positiveId("reason", BAD_REASON);
        if (reason > REASONS) {
            throw new ApiException(400, BAD_REASON);
        }
        return new ReportForm((int) reason, FreeText.clean(params.get("comment"), COMMENT_CHARACTERS));
    }
}
