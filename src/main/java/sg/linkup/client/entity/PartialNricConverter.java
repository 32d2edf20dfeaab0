package sg.linkup.client.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class PartialNricConverter implements AttributeConverter<PartialNric, String> {

    @Override
    public String convertToDatabaseColumn(PartialNric nric) {
        return nric == null ? null : nric.value();
    }

    @Override
    public PartialNric convertToEntityAttribute(String value) {
        return value == null ? null : PartialNric.parse(value);
    }
}
