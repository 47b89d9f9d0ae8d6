using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sourcing.Tests.Simulators;

/// <summary>
/// Checks a JSON value against a schema of a published spec (Swagger 2.0 definitions or OpenAPI 3 components/schemas):
/// required properties, primitive types (string, integer, number, boolean, array, object), enums, date-time and int32
/// formats, $ref, array items, additionalProperties maps, and allOf inheritance (a schema's properties and required
/// members include its parents'). For VI/JSON, whose data objects name their type in <c>_typeName</c>, a value is checked
/// against the type it names, which must be the declared type or inherit from it (a SystemError where a MethodFault is
/// declared is fine, a LocalizedMethodFault is not). A type the spec excerpt does not hold (listed in its
/// x-not-extracted, or a boxed primitive such as "string") is not checked and is named in <see cref="NotChecked"/>.
/// Enough to catch a simulator that drifts from the vendor's API.
/// </summary>
public sealed class SwaggerSchemaChecker(JsonObject definitions, IReadOnlyCollection<string>? notExtracted = null)
{
    private readonly HashSet<string> _notChecked = new(StringComparer.Ordinal);

    /// <summary>Types met in checked values that the spec (excerpt) does not define, so were not checked.</summary>
    public IReadOnlyCollection<string> NotChecked => _notChecked;

    /// <summary>Schemas the excerpt lists as referenced but not extracted (x-not-extracted).</summary>
    public IReadOnlyCollection<string> NotExtracted { get; } = notExtracted ?? [];

    public static SwaggerSchemaChecker Load(params string[] specFiles)
    {
        var all = new JsonObject();
        foreach (var file in specFiles)
        {
            foreach (var (name, schema) in JsonNode.Parse(File.ReadAllText(file))!["definitions"]!.AsObject())
            {
                all[name] = schema?.DeepClone();
            }
        }

        return new SwaggerSchemaChecker(all);
    }

    /// <summary>An OpenAPI 3 document (or excerpt) in JSON: its components/schemas, and its x-not-extracted list.</summary>
    public static SwaggerSchemaChecker LoadOpenApi(string file)
    {
        var document = JsonNode.Parse(File.ReadAllText(file))!;
        var schemas = document["components"]!["schemas"]!.AsObject().DeepClone().AsObject();
        var missing = document["x-not-extracted"] is JsonArray list ? list.Select(n => n!.ToString()).ToList() : [];
        return new SwaggerSchemaChecker(schemas, missing);
    }

    public bool Defines(string name) => definitions.ContainsKey(name);

    public IReadOnlyList<string> Check(JsonNode? value, string definition)
    {
        if (!definitions.ContainsKey(definition))
        {
            throw new InvalidOperationException("spec has no definition " + definition);
        }

        var problems = new List<string>();
        Check(value, new JsonObject { ["$ref"] = "#/definitions/" + definition }, definition, problems);
        return problems;
    }

    private static string RefName(JsonNode reference)
    {
        var text = reference.ToString();
        return text[(text.LastIndexOf('/') + 1)..];
    }

    /// <summary>The type a schema names: a $ref, or (OpenAPI 3) a property wrapping one $ref in allOf without a type of its own.</summary>
    private static string? Named(JsonNode schema) =>
        schema["$ref"] is JsonValue reference ? RefName(reference)
        : schema["type"] is null && schema["properties"] is null && schema["allOf"] is JsonArray { Count: 1 } only && only[0]?["$ref"] is { } inner
            ? RefName(inner)
            : null;

    /// <summary>Whether <paramref name="type"/> is <paramref name="ancestor"/> or inherits it through allOf.</summary>
    private bool Inherits(string type, string ancestor)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            if (type == ancestor)
            {
                return true;
            }

            if (definitions[type]?["allOf"] is not JsonArray parents || parents.Count == 0 || parents[0]?["$ref"] is not { } parent)
            {
                return false;
            }

            type = RefName(parent);
            if (!definitions.ContainsKey(type))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A schema's properties and required members, its allOf parents' included.</summary>
    private (Dictionary<string, JsonNode> Properties, HashSet<string> Required, bool Declared) Flatten(JsonNode schema)
    {
        var properties = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var declared = false;
        void Add(JsonNode s, int depth)
        {
            if (depth > 32)
            {
                return;
            }

            if (s["properties"] is JsonObject props)
            {
                declared = true;
                foreach (var (key, child) in props)
                {
                    properties.TryAdd(key, child!);
                }
            }

            foreach (var r in s["required"]?.AsArray() ?? [])
            {
                required.Add(r!.ToString());
            }

            foreach (var parent in s["allOf"]?.AsArray() ?? [])
            {
                if (parent?["$ref"] is { } reference && definitions[RefName(reference)] is { } target)
                {
                    Add(target, depth + 1);
                }
                else if (parent is JsonObject inline && inline["$ref"] is null)
                {
                    Add(inline, depth + 1);
                }
            }
        }

        Add(schema, 0);
        return (properties, required, declared);
    }

    private void Check(JsonNode? value, JsonNode schema, string path, List<string> problems)
    {
        if (Named(schema) is { } name)
        {
            if (definitions[name] is not { } target)
            {
                if (NotExtracted.Contains(name))
                {
                    _notChecked.Add(name);
                    return;
                }

                throw new InvalidOperationException("spec has no definition " + name);
            }

            // VI/JSON: a data object names its own type, which may be a subtype of the declared one.
            if (value is JsonObject typed && typed["_typeName"] is JsonValue typeName && typeName.GetValueKind() == JsonValueKind.String
                && Inherits(name, "Any") && typeName.ToString() != name)
            {
                var actual = typeName.ToString();
                if (!definitions.ContainsKey(actual))
                {
                    _notChecked.Add(actual);
                    return;
                }

                if (!Inherits(actual, name))
                {
                    problems.Add($"{path}: a {actual} where the spec declares {name}");
                    return;
                }

                Check(value, definitions[actual]!, path, problems);
                return;
            }

            Check(value, target, path, problems);
            return;
        }

        if (value is null)
        {
            problems.Add($"{path}: null");
            return;
        }

        var type = schema["type"]?.ToString() ?? (schema["properties"] is not null ? "object" : null);
        switch (type)
        {
            case "object":
                if (value is not JsonObject obj)
                {
                    problems.Add($"{path}: expected object, got {value.GetValueKind()}");
                    return;
                }

                var (properties, requiredMembers, declared) = Flatten(schema);
                foreach (var required in requiredMembers)
                {
                    if (!obj.ContainsKey(required))
                    {
                        problems.Add($"{path}: missing required '{required}'");
                    }
                }

                foreach (var (key, child) in obj)
                {
                    if (properties.TryGetValue(key, out var propertySchema))
                    {
                        Check(child, propertySchema, $"{path}.{key}", problems);
                    }
                    else if (schema["additionalProperties"] is JsonObject mapSchema)
                    {
                        Check(child, mapSchema, $"{path}[{key}]", problems);
                    }
                    else if (declared)
                    {
                        problems.Add($"{path}: property '{key}' is not in the spec");
                    }
                }

                break;
            case "array":
                if (value is not JsonArray array)
                {
                    problems.Add($"{path}: expected array, got {value.GetValueKind()}");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], schema["items"]!, $"{path}[{i}]", problems);
                }

                break;
            case "string":
                if (value.GetValueKind() != JsonValueKind.String)
                {
                    problems.Add($"{path}: expected string, got {value.GetValueKind()}");
                }
                else if (schema["enum"] is JsonArray allowed && !allowed.Any(a => a!.ToString() == value.ToString()))
                {
                    problems.Add($"{path}: '{value}' is not one of the spec's enum values");
                }
                else if (schema["format"]?.ToString() == "date-time"
                    && !DateTimeOffset.TryParse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
                {
                    problems.Add($"{path}: '{value}' is not a date-time");
                }

                break;
            case "integer":
                if (value.GetValueKind() != JsonValueKind.Number
                    || !long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    problems.Add($"{path}: expected integer, got {value.ToJsonString()}");
                }
                else if (schema["format"]?.ToString() == "int32" && number is < int.MinValue or > int.MaxValue)
                {
                    problems.Add($"{path}: {number} is beyond int32");
                }

                break;
            case "number":
                if (value.GetValueKind() != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected number, got {value.GetValueKind()}");
                }

                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected boolean, got {value.GetValueKind()}");
                }

                break;
            default:
                break;
        }
    }
}
