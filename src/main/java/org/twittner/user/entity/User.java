package org.twittner.user.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Locale;

/** A member account: identity, profile, media paths and the counters the API returns. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_USERNAME_KEY, query = "select u from User u where u.usernameKey = :key")
@NamedQuery(name = User.BY_EMAIL_KEY, query = "select u from User u where u.emailKey = :key")
@NamedQuery(name = User.COUNT_USERNAME_KEY, query = "select count(u) from User u where u.usernameKey = :key")
@NamedQuery(name = User.COUNT_EMAIL_KEY, query = "select count(u) from User u where u.emailKey = :key")
@NamedQuery(name = User.COUNT_USERNAME_KEY_OTHER,
        query = "select count(u) from User u where u.usernameKey = :key and u.id <> :id")
@NamedQuery(name = User.COUNT_EMAIL_KEY_OTHER, query = "select count(u) from User u where u.emailKey = :key and u.id <> :id")
@NamedQuery(name = User.COUNT_MEDIA_PATH,
        query = "select count(u) from User u where u.avatar = :path or u.cover = :path or u.coverOrig = :path")
public class User {

    public static final String COUNT_MEDIA_PATH = "User.countMediaPath";
    public static final String BY_USERNAME_KEY = "User.byUsernameKey";
    public static final String BY_EMAIL_KEY = "User.byEmailKey";
    public static final String COUNT_USERNAME_KEY = "User.countUsernameKey";
    public static final String COUNT_EMAIL_KEY = "User.countEmailKey";
    public static final String COUNT_USERNAME_KEY_OTHER = "User.countUsernameKeyOther";
    public static final String COUNT_EMAIL_KEY_OTHER = "User.countEmailKeyOther";

    public static final int ACTIVE = 1;
    public static final int SUSPENDED = 2;
    public static final int VERIFIED = 1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    @Column(name = "username_key")
    private String usernameKey;
    private String email;
    @Column(name = "email_key")
    private String emailKey;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    private String about = "";
    private String gender = "M";
    private String website = "";
    @Column(name = "country_id")
    private int countryId = 1;
    private String language = "english";
    private String avatar = "";
    private String cover = "";
    @Column(name = "cover_orig")
    private String coverOrig = "";
    private int status = ACTIVE;
    private int verified;
    @Column(name = "profile_privacy")
    private String profilePrivacy = "everyone";
    @Column(name = "follow_privacy")
    private String followPrivacy = "everyone";
    @Column(name = "contact_privacy")
    private String contactPrivacy = "everyone";
    @Column(name = "search_visibility")
    private boolean searchVisibility = true;
    @Column(name = "post_count")
    private int postCount;
    @Column(name = "follower_count")
    private int followerCount;
    @Column(name = "following_count")
    private int followingCount;
    @Column(name = "ip_address")
    private String ipAddress = "";
    @Column(name = "joined_at")
    private long joinedAt;
    @Column(name = "last_active_at")
    private long lastActiveAt;
    /** The post shown first on the profile (pin_post), or null. */
    @Column(name = "pinned_post_id")
    private Long pinnedPostId;

    protected User() {
    }

    public User(String username, String email, String passwordHash, String firstName, String lastName, long now) {
        this.username = username;
        this.usernameKey = usernameKey(username);
        this.email = email;
        this.emailKey = emailKey(email);
        this.passwordHash = passwordHash;
        this.firstName = firstName;
        this.lastName = lastName;
        this.joinedAt = now;
        this.lastActiveAt = now;
    }

    /** Usernames are unique whatever their case. */
    public static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** E-mail addresses are unique, and log in, whatever their case. */
    public static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getAbout() {
        return about;
    }

    public String getGender() {
        return gender;
    }

    public String getWebsite() {
        return website;
    }

    public int getCountryId() {
        return countryId;
    }

    public String getLanguage() {
        return language;
    }

    public String getAvatar() {
        return avatar;
    }

    public void setAvatar(String avatar) {
        this.avatar = avatar;
    }

    public String getCover() {
        return cover;
    }

    public void setCover(String cover) {
        this.cover = cover;
    }

    public String getCoverOrig() {
        return coverOrig;
    }

    public void setCoverOrig(String coverOrig) {
        this.coverOrig = coverOrig;
    }

    public int getStatus() {
        return status;
    }

    public void setStatus(int status) {
        this.status = status;
    }

    public boolean isVerified() {
        return verified == VERIFIED;
    }

    public void setVerified(int verified) {
        this.verified = verified;
    }

    public String getProfilePrivacy() {
        return profilePrivacy;
    }


    public String getFollowPrivacy() {
        return followPrivacy;
    }

    public String getContactPrivacy() {
        return contactPrivacy;
    }

    public boolean isSearchVisible() {
        return searchVisibility;
    }

    /** The four privacy settings, always written together (set_priv_settings). */
    public void setPrivacy(String profilePrivacy, String contactPrivacy, String followPrivacy, boolean searchVisible) {
        this.profilePrivacy = profilePrivacy;
        this.contactPrivacy = contactPrivacy;
        this.followPrivacy = followPrivacy;
        this.searchVisibility = searchVisible;
    }

    /** The general profile data, always written together (gen_settings). */
    public void setGeneral(String firstName, String lastName, String about, String gender, String email,
            String username, String website, int countryId) {
        if (!usernameKey(username).equals(usernameKey)) {
            verified = 0; // the badge belongs to the name that was reviewed (reference behaviour)
        }
        this.firstName = firstName;
        this.lastName = lastName;
        this.about = about;
        this.gender = gender;
        this.email = email;
        this.emailKey = emailKey(email);
        this.username = username;
        this.usernameKey = usernameKey(username);
        this.website = website;
        this.countryId = countryId;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** 0 none, 1 verified, 2 a request waits for review. */
    public int getVerified() {
        return verified;
    }

    public int getPostCount() {
        return postCount;
    }

    public int getFollowerCount() {
        return followerCount;
    }

    public int getFollowingCount() {
        return followingCount;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public long getJoinedAt() {
        return joinedAt;
    }

    public long getLastActiveAt() {
        return lastActiveAt;
    }

    /** Records a sign-in or a request after a pause. */
    public void markActive(long now, String ip) {
        this.lastActiveAt = now;
        if (ip != null && !ip.isEmpty()) {
            this.ipAddress = ip;
        }
    }

    public Long getPinnedPostId() {
        return pinnedPostId;
    }

    public void setPinnedPostId(Long pinnedPostId) {
        this.pinnedPostId = pinnedPostId;
    }
}
