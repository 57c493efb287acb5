package org.twittner.account.boundary;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twittner.session.boundary.SessionTests;
import org.twittner.testing.ApiClient;

/**
 * Accounts over HTTP, as the apps (and a person's browser) use them. One deployment for all of
 * them (a server start costs half a minute); the tests are grouped by subject in the interfaces
 * this class implements: settings, verification and deletion, social sign-in and rate limits,
 * password reset by e-mail with its page in a real browser. It also hosts the session
 * component's tests ({@link SessionTests}: signup, login, refresh_access_token, logout and the
 * wire rules every endpoint shares), to share the server start with them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountApiIT implements SettingsTests, VerificationAndDeletionTests, SignInTests, PasswordResetTests, SessionTests {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/twittner.war"))
                .addPackage(ApiClient.class.getPackage())
                .addClasses(AccountApiIT.class, SettingsTests.class, VerificationAndDeletionTests.class, SignInTests.class,
                        PasswordResetTests.class, SessionTests.class);
    }

    @ArquillianResource
    URL deployment;

    @Override
    public ApiClient api() {
        return new ApiClient(deployment);
    }
}
