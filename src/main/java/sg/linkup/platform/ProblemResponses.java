package sg.linkup.platform;

import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents, once for every operation, the problem+json error responses that {@link ProblemMapper} gives,
 * instead of repeating a dozen annotations on each resource method.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        uniqueOperationIds(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean hasId = path.contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                boolean writes = entry.getKey() != PathItem.HttpMethod.GET;
                add(operation, "400", "Invalid input or malformed JSON; `violations` names the fields");
                add(operation, "406", "The Accept header allows no JSON");
                add(operation, "500", "Unexpected error; the detail quotes an incident id");
                add(operation, "503", "Not available just now (the database cannot be reached or is too busy, "
                        + "or a report is being prepared); try again after the Retry-After header's seconds");
                if (hasId) {
                    add(operation, "404", "No such record");
                }
                if (entry.getKey() == PathItem.HttpMethod.PUT && hasId) {
                    add(operation, "412", "If-Match names an older version of the record; read it again");
                }
                if (writes) {
                    add(operation, "409", "Duplicate unique value, a reference that does not exist, or a concurrent change");
                    add(operation, "413", "Body larger than linkup.http.max-body-bytes");
                    add(operation, "415", "Body is not application/json");
                }
            }
        });
    }

    /**
     * The scanner names operations after their Java methods, so every resource has a "create"; OpenAPI wants
     * them unique. A repeated id gets the literal segments of its path: "create" on /api/offices becomes
     * "createOffices", on /api/advisors/{advisorId}/rules "createAdvisorsRules".
     */
    private static void uniqueOperationIds(OpenAPI openAPI) {
        Map<String, Long> uses = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .map(Operation::getOperationId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(op -> {
            String id = op.getOperationId();
            if (id != null && uses.get(id) > 1) {
                StringBuilder suffix = new StringBuilder();
                for (String segment : path.replaceFirst("^/api/", "").split("/")) {
                    if (!segment.isEmpty() && !segment.startsWith("{")) {
                        suffix.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
                    }
                }
                op.setOperationId(id + suffix);
            }
        }));
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(ProblemMapper.PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING));
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("violations", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(violation));
    }
}
