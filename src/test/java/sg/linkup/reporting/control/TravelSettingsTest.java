package sg.linkup.reporting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sg.linkup.reporting.entity.TravelModel;

class TravelSettingsTest {

    /** Each configured field with its default, read off the annotations the container reads. */
    private static Map<String, Double> defaults() throws IllegalAccessException {
        Map<String, Double> defaults = new LinkedHashMap<>();
        for (Field field : TravelSettings.class.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property != null) {
                defaults.put(property.name(), Double.valueOf(property.defaultValue()));
            }
        }
        return defaults;
    }

    private static TravelSettings configured(Map<String, Double> values) throws IllegalAccessException {
        TravelSettings settings = new TravelSettings();
        for (Field field : TravelSettings.class.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property != null) {
                field.setDouble(settings, values.get(property.name()));
            }
        }
        settings.check();
        return settings;
    }

    @Test
    void theDefaultsAreTheOnesTheReadmeStates() throws IllegalAccessException {
        TravelSettings settings = configured(defaults());

        assertEquals(new TravelModel(1.3, 25, 10, 5, 2), settings.model());
        assertEquals(400, settings.referenceHoursPerYear());
    }

    @Test
    void everyKeyIsUnderTheReportsTravelPrefix() throws IllegalAccessException {
        assertEquals(Map.of(
                "linkup.reports.travel.detour-factor", 1.3,
                "linkup.reports.travel.km-per-hour", 25.0,
                "linkup.reports.travel.access-minutes", 10.0,
                "linkup.reports.travel.wait-minutes", 5.0,
                "linkup.reports.travel.local-trip-km", 2.0,
                "linkup.reports.travel.reference-hours-per-year", 400.0), defaults());
    }

    @Test
    void configuredValuesReachTheModel() throws IllegalAccessException {
        Map<String, Double> values = defaults();
        values.put("linkup.reports.travel.detour-factor", 1.4);
        values.put("linkup.reports.travel.km-per-hour", 22.0);
        values.put("linkup.reports.travel.access-minutes", 8.0);
        values.put("linkup.reports.travel.wait-minutes", 6.0);
        values.put("linkup.reports.travel.local-trip-km", 1.5);
        values.put("linkup.reports.travel.reference-hours-per-year", 500.0);

        TravelSettings settings = configured(values);

        assertEquals(new TravelModel(1.4, 22, 8, 6, 1.5), settings.model());
        assertEquals(500, settings.referenceHoursPerYear());
    }

    @ParameterizedTest
    @CsvSource({
        "detour-factor, 0.8",
        "km-per-hour, 0",
        "access-minutes, -5",
        "wait-minutes, 90",
        "local-trip-km, 25",
        "reference-hours-per-year, 0",
        "reference-hours-per-year, -400",
        "reference-hours-per-year, NaN"})
    void aBadValueStopsTheStartNamingItsKey(String key, double value) throws IllegalAccessException {
        Map<String, Double> values = defaults();
        values.put("linkup.reports.travel." + key, value);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> configured(values));

        assertTrue(refused.getMessage().startsWith("linkup.reports.travel." + key + " is invalid: "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(String.valueOf(value)), refused.getMessage());
    }
}
