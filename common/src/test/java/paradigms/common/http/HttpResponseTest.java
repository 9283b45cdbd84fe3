package paradigms.common.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpResponseTest {

    @Test
    void neitherTheCallersArraysNorTheReturnedOnesCanChangeTheResponse() {
        byte[] body = {1, 2, 3};
        List<String> values = new ArrayList<>(List.of("a"));
        Map<String, List<String>> headers = new LinkedHashMap<>(Map.of("x-a", values));
        var response = new HttpResponse("HTTP/1.1", 200, "OK", headers, body, true);

        body[0] = 9;
        values.add("b");
        headers.put("x-b", List.of("c"));
        response.body()[1] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, response.body());
        assertEquals(Map.of("x-a", List.of("a")), response.headers());
        assertThrows(UnsupportedOperationException.class, () -> response.headers().put("x-c", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> response.headers().get("x-a").add("d"));
    }

    @Test
    void headersAreFoundInAnyCaseAndNamesThatDifferOnlyInCaseAreOneField() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Via", List.of("1"));
        headers.put("via", List.of("2"));
        headers.put("Location", List.of("/next"));
        var response = new HttpResponse("HTTP/1.1", 302, "Found", headers, new byte[0], true);
        assertEquals(List.of("1", "2"), response.headerValues("VIA"));
        assertEquals("1", response.header("via"));
        assertEquals("/next", response.location());
        assertNull(response.header("x-missing"));
        assertEquals(List.of(), response.headerValues("x-missing"));
    }

    @Test
    void equalResponsesAreEqualByBodyContent() {
        var one = new HttpResponse("HTTP/1.1", 200, "OK", Map.of(), new byte[] {1}, true);
        var other = new HttpResponse("HTTP/1.1", 200, "OK", Map.of(), new byte[] {1}, true);
        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
    }
}
