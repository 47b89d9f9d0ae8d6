using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sourcing.Tests.Simulators;

/// <summary>
/// Checks a JSON value against a Swagger 2.0 schema of a published spec: required properties,
/// primitive types (string, integer, number, boolean, array, object), enums, $ref, array items and
/// additionalProperties maps. Enough to catch a simulator that drifts from the vendor's API.
/// </summary>
public sealed class SwaggerSchemaChecker(JsonObject definitions)
{
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

    public IReadOnlyList<string> Check(JsonNode? value, string definition)
    {
        var problems = new List<string>();
        Check(value, new JsonObject { ["$ref"] = "#/definitions/" + definition }, definition, problems);
        return problems;
    }

    private void Check(JsonNode? value, JsonNode schema, string path, List<string> problems)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            var name = reference.ToString()["#/definitions/".Length..];
            var target = definitions[name] ?? throw new InvalidOperationException("spec has no definition " + name);
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

                foreach (var required in schema["required"]?.AsArray() ?? [])
                {
                    if (!obj.ContainsKey(required!.ToString()))
                    {
                        problems.Add($"{path}: missing required '{required}'");
                    }
                }

                var properties = schema["properties"]?.AsObject();
                foreach (var (key, child) in obj)
                {
                    if (properties?[key] is { } propertySchema)
                    {
                        Check(child, propertySchema, $"{path}.{key}", problems);
                    }
                    else if (schema["additionalProperties"] is JsonObject mapSchema)
                    {
                        Check(child, mapSchema, $"{path}[{key}]", problems);
                    }
                    else if (properties is not null)
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

                break;
            case "integer":
                if (value.GetValueKind() != JsonValueKind.Number || !value.AsValue().TryGetValue<long>(out _))
                {
                    problems.Add($"{path}: expected integer, got {value.ToJsonString()}");
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
