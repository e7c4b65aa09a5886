package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SASL mechanisms against the published test vectors (the test server offers only PLAIN). */
class SaslTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void scramSha1FollowsRfc5802() throws Exception {
        Sasl.Scram scram = new Sasl.Scram("SCRAM-SHA-1", "HmacSHA1", "SHA-1", "user", "pencil",
                "fyko+d2lbbFgONRv9qkxdawL");
        assertThat(text(scram.initialResponse())).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        String clientFinal = text(scram.respond(bytes(
                "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096")));
        assertThat(clientFinal).isEqualTo(
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        scram.verifySuccess(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));
    }

    @Test
    void scramSha256FollowsRfc7677AndRefusesAWrongServerSignature() throws Exception {
        Sasl.Scram scram = new Sasl.Scram("SCRAM-SHA-256", "HmacSHA256", "SHA-256", "user", "pencil",
                "rOprNGfwEbeRWgbNEkqO");
        String clientFinal = text(scram.respond(bytes("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
        assertThat(clientFinal).isEqualTo("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        scram.verifySuccess(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
        assertThatThrownBy(() -> scram.verifySuccess(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")))
                .isInstanceOf(Sasl.SaslProblem.class).hasMessageContaining("signature is wrong");
    }

    @Test
    void scramRefusesAServerNonceThatDoesNotExtendOurs() {
        Sasl.Scram scram = new Sasl.Scram("SCRAM-SHA-1", "HmacSHA1", "SHA-1", "user", "pencil", "abc");
        assertThatThrownBy(() -> scram.respond(bytes("r=xyz123,s=QSXCR+Q6sek8bf92,i=4096")))
                .isInstanceOf(Sasl.SaslProblem.class);
    }

    @Test
    void scramIsPreferredAndPlainOnlyWhereAllowed() {
        assertThat(Sasl.choose(List.of("PLAIN", "SCRAM-SHA-1"), "u", "p", true).name()).isEqualTo("SCRAM-SHA-1");
        assertThat(Sasl.choose(List.of("SCRAM-SHA-1", "SCRAM-SHA-256"), "u", "p", true).name())
                .isEqualTo("SCRAM-SHA-256");
        assertThat(Sasl.choose(List.of("PLAIN"), "u", "p", true).name()).isEqualTo("PLAIN");
        assertThat(text(Sasl.choose(List.of("PLAIN"), "u", "p", true).initialResponse())).isEqualTo("\0u\0p");
        assertThat(Sasl.choose(List.of("PLAIN"), "u", "p", false)).isNull();
    }
}
