package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostsTest {

    @ParameterizedTest
    @CsvSource({"localhost,true", "LOCALHOST,true", "127.0.0.1,true", "127.1.2.3,true", "::1,true", "[::1],true",
        "127.example.org,false", "10.0.0.1,false", "smtp.example.gov.sg,false", "localhost.example.org,false",
        "'',false"})
    void onlyThisMachineIsLoopback(String host, boolean loopback) {
        assertEquals(loopback, Hosts.isLoopback(host));
    }
}
