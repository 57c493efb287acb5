package org.twittner.session.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.twittner.platform.ApiException;

class SignupFormTest {

    private static SignupForm form(String first, String last, String username, String email, String password) {
        return new SignupForm(first, last, username, email, password);
    }

    private static final SignupForm VALID = form("Dan", "Kassing", "dan_k", "dan@example.com", "secret1");

    @Test
    void validFormPasses() {
        assertDoesNotThrow(VALID::checkNames);
        assertDoesNotThrow(VALID::checkUsername);
        assertDoesNotThrow(VALID::checkEmail);
        assertDoesNotThrow(VALID::checkPassword);
    }

    @Test
    void names() {
        assertRefused(410, "Invalid user first name", form("Al", "Kassing", "u", "e", "p")::checkNames);
        assertRefused(410, "Invalid user first name", form(null, "Kassing", "u", "e", "p")::checkNames);
        assertRefused(410, "Invalid user first name", form("A".repeat(26), "Kassing", "u", "e", "p")::checkNames);
        assertRefused(410, "Invalid user last name", form("Dan", "  K  ", "u", "e", "p")::checkNames);
        assertDoesNotThrow(form("Zoë", "Ünal", "u", "e", "p")::checkNames);
    }

    @Test
    void username() {
        assertRefused(410, "Invalid username", form("Dan", "Kas", "ab", "e", "p")::checkUsername);
        assertRefused(410, "Invalid username", form("Dan", "Kas", "dan.k", "e", "p")::checkUsername);
        assertRefused(410, "Invalid username", form("Dan", "Kas", "a".repeat(26), "e", "p")::checkUsername);
        assertDoesNotThrow(form("Dan", "Kas", "Dan_2020", "e", "p")::checkUsername);
    }

    @Test
    void email() {
        assertRefused(410, "Invalid email address", form("Dan", "Kas", "dan", "dan@", "p")::checkEmail);
        assertRefused(410, "Invalid email address", form("Dan", "Kas", "dan", "dan.example.com", "p")::checkEmail);
        assertRefused(410, "Invalid email address", form("Dan", "Kas", "dan", "a".repeat(50) + "@ex.com", "p")::checkEmail);
        assertTrue(SignupForm.isEmail("first.last+tag@mail.example.org"));
        assertFalse(SignupForm.isEmail("two@@example.com"));
    }

    @Test
    void password() {
        assertRefused(410, "Invalid password", form("Dan", "Kas", "dan", "d@e.com", "12345")::checkPassword);
        assertRefused(410, "Invalid password", form("Dan", "Kas", "dan", "d@e.com", "x".repeat(21))::checkPassword);
        assertDoesNotThrow(form("Dan", "Kas", "dan", "d@e.com", "123456")::checkPassword);
    }

    @Test
    void fieldsAreTrimmed() {
        SignupForm padded = form(" Dan ", " Kassing ", " dan_k ", " dan@example.com ", " pass ");
        assertEquals("Dan", padded.firstName());
        assertEquals("dan_k", padded.username());
        assertEquals("dan@example.com", padded.email());
        assertEquals(" pass ", padded.password(), "passwords are taken as typed");
    }

    private static void assertRefused(int code, String message, Executable check) {
        ApiException refused = assertThrows(ApiException.class, check);
        assertEquals(code, refused.code());
        assertEquals(message, refused.getMessage());
    }
}
