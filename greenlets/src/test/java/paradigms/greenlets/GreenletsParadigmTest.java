package paradigms.greenlets;

import org.junit.jupiter.api.Test;
import paradigms.common.Claim;
import paradigms.common.Paradigm;
import paradigms.common.Paradigms;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class GreenletsParadigmTest {

    @Test
    void isFoundByTheServiceLoaderUnderTheModulesNameWithBothClaims() {
        Paradigm found = Paradigms.named("greenlets");
        assertInstanceOf(GreenletsParadigm.class, found);
        assertEquals(Set.of(Claim.WAITS_CONCURRENTLY, Claim.USES_SEVERAL_CORES), found.claims());
    }
}
