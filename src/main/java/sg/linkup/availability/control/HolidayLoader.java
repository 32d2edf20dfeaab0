package sg.linkup.availability.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On start, applies the operator's holiday file ({@code linkup.holidays.file}) if one is configured: every
 * year it lists is replaced by its days, so correcting the file and restarting takes effect. Without one, the
 * calendar built into the WAR (a copy of {@code config/sg-public-holidays.ics}) only fills in years the
 * database does not know yet, so an import through the API is never undone by a restart.
 */
@Startup
@Singleton
@DependsOn("Database")
public class HolidayLoader {

    static final String BUILT_IN = "holidays/sg-public-holidays.ics";
    private static final Logger LOG = Logger.getLogger(HolidayLoader.class.getName());

    @Inject
    HolidayCalendar calendar;

    @Inject
    @ConfigProperty(name = "linkup.holidays.file")
    Optional<String> file;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void load() {
        boolean operatorFile = file.isPresent() && !file.get().isBlank();
        try (Reader reader = open()) {
            var imported = calendar.replace(reader, !operatorFile);
            LOG.info(() -> imported.years().isEmpty() ? "Public holidays: database already knows every year"
                    : "Public holidays loaded for " + imported.years() + " (" + imported.days() + " days)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public holiday calendar", e);
        } catch (RuntimeException e) {
            // Another node starting at the same moment may have inserted the same days first.
            LOG.warning(() -> "Public holidays not loaded at start-up (" + e + "); the database keeps its own");
        }
    }

    private Reader open() throws IOException {
        if (file.isPresent() && !file.get().isBlank()) {
            return Files.newBufferedReader(Path.of(file.get()), StandardCharsets.UTF_8);
        }
        InputStream builtIn = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN);
        if (builtIn == null) {
            throw new IllegalStateException(BUILT_IN + " is missing from the WAR");
        }
        return new InputStreamReader(builtIn, StandardCharsets.UTF_8);
    }
}
