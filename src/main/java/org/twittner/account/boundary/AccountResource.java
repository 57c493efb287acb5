package org.twittner.account.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.twittner.account.control.AccountDeletion;
import org.twittner.account.control.GeneralSettings;
import org.twittner.account.control.GeneralSettingsForm;
import org.twittner.account.control.Languages;
import org.twittner.account.control.PrivacySettings;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.platform.RequestParams;

/** gen_settings, get_priv_settings, set_priv_settings, language, delete_account. */
@ApplicationScoped
@Path("/")
public class AccountResource {

    @Inject
    ApiRequest call;

    @Inject
    GeneralSettings general;

    @Inject
    PrivacySettings privacy;

    @Inject
    Languages languages;

    @Inject
    AccountDeletion deletion;

    @POST
    @Path("gen_settings")
    public Envelope generalSettings() {
        Caller caller = call.requireCaller();
        RequestParams params = call.params();
        GeneralSettingsForm form = new GeneralSettingsForm(params.get("first_name"), params.get("last_name"),
                params.get("about"), params.get("gender"), params.get("email"), params.get("username"),
                params.get("website"), params.get("country_id"));
        return Envelope.ok("Profile data updated successfully", general.update(caller, form));
    }

    @POST
    @Path("get_priv_settings")
    public Envelope getPrivacySettings() {
        return Envelope.ok("", privacy.get(call.requireCaller().userId()));
    }

    @POST
    @Path("set_priv_settings")
    public Envelope setPrivacySettings() {
        Caller caller = call.requireCaller();
        RequestParams params = call.params();
        privacy.set(caller.userId(), params.get("profile_visibility"), params.get("contact_privacy"),
                params.get("follow_privacy"), params.get("search_visibility"));
        return Envelope.ok("User privacy settings updated", Envelope.EMPTY);
    }

    @POST
    @Path("language")
    public Envelope language() {
        Caller caller = call.requireCaller();
        languages.change(caller.userId(), call.params().get("lang_name"));
        return Envelope.ok("Language changed successfully", Envelope.EMPTY);
    }

    @POST
    @Path("delete_account")
    public Envelope deleteAccount() {
        deletion.delete(call.requireCaller(), call.params().get("password"));
        return Envelope.ok("Account deleted successfully", Envelope.EMPTY);
    }
}
