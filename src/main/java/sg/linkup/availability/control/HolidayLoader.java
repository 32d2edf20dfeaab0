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
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.platform.InvalidInput;

/**
 * On start, applies the operator's holiday file ({@code linkup.holidays.file}) if one is configured: every
 * year it lists is replaced by its days, so correcting the file and restarting takes effect. Without one, the
 * calendar built into the WAR (a copy of {@code config/sg-public-holidays.ics}) only fills in years the
 * database does not know yet, so an import through the API is never undone by a restart.
 * <p>
 * A holiday file that cannot be read or parsed stops the deployment: running on without it would book clients
 * onto public holidays. The one failure tolerated is another node storing the same days at the same moment.
 */
@Startup
@Singleton
@DependsOn("Database")
public class HolidayLoader {

    static final String BUILT_IN = "holidays/sg-public-holidays.ics";
    private static final Logger LOG = Logger.getLogger(HolidayLoader.class.getName());
    /** MySQL's and MariaDB's ER_DUP_ENTRY, reported under SQLState 23000 (integrity constraint violation). */
    private static final int DUPLICATE_KEY = 1062;
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23000";

    @Inject
    HolidayCalendar calendar;

    @Inject
    @ConfigProperty(name = "linkup.holidays.file")
    Optional<String> file;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void load() {
        Optional<Path> operatorFile = file.map(String::strip).filter(name -> !name.isEmpty()).map(Path::of);
        SortedMap<LocalDate, String> holidays = operatorFile.isPresent() ? readFile(operatorFile.get())
                : readBuiltIn(BUILT_IN);
        try {
            var imported = calendar.replace(holidays, operatorFile.isEmpty());
            LOG.info(() -> imported.years().isEmpty() ? "Public holidays: database already knows every year"
                    : "Public holidays loaded for " + imported.years() + " (" + imported.days() + " days)");
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw new IllegalStateException("Linkup cannot start: the public holidays of "
                        + operatorFile.map(path -> "linkup.holidays.file " + path).orElse(BUILT_IN)
                        + " could not be stored: " + e, e);
            }
            // Another node starting at the same moment inserted the same days first; they are in the database.
            LOG.info("Public holidays: another node starting at the same time stored them first");
        }
    }

    /** The operator's holiday file; one that cannot be read or parsed stops the start with its name and why. */
    static SortedMap<LocalDate, String> readFile(Path path) {
        String name = "linkup.holidays.file " + path;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader, name);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "there is no such file"
                    : e instanceof AccessDeniedException ? "permission denied" : e.toString();
            throw new IllegalStateException("Linkup cannot start: " + name + " cannot be read: " + why
                    + ". Correct the path or unset linkup.holidays.file to use the built-in calendar.", e);
        }
    }

    /** The calendar built into the WAR; without it the build is broken, and Linkup must not start. */
    static SortedMap<LocalDate, String> readBuiltIn(String resource) {
        InputStream builtIn = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (builtIn == null) {
            throw new IllegalStateException("Linkup cannot start: the built-in holiday calendar " + resource
                    + " is missing from the WAR. Rebuild it, or set linkup.holidays.file.");
        }
        try (Reader reader = new InputStreamReader(builtIn, StandardCharsets.UTF_8)) {
            return parse(reader, "the built-in holiday calendar " + resource);
        } catch (IOException e) {
            throw new IllegalStateException("Linkup cannot start: the built-in holiday calendar " + resource
                    + " cannot be read: " + e, e);
        }
    }

    private static SortedMap<LocalDate, String> parse(Reader reader, String name) {
        try {
            return HolidayCalendar.parse(reader);
        } catch (InvalidInput e) {
            throw new IllegalStateException("Linkup cannot start: " + name + " is not a usable holiday calendar: "
                    + e.violations().get(0).message(), e);
        }
    }

    /**
     * Whether a failure is a duplicate key: judged by the database's error code anywhere in the cause chain
     * (JTA, JPA and EclipseLink each wrap it), never by its message.
     */
    static boolean isDuplicateKey(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY
                    && INTEGRITY_CONSTRAINT_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
