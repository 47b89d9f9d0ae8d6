using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Sourcing.Web;

/// <summary>
/// Every validation message in Swedish: model binding's messages ("The value 'x' is not valid …")
/// and the data-annotation attributes' defaults ("The Reason field is required."), so no form
/// answers in English. Field names come from each input's <c>[Display(Name = …)]</c>.
/// </summary>
internal static class SwedishValidation
{
    public static void Configure(MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}: värdet ”{value}” är ogiltigt.");
        m.SetMissingBindRequiredValueAccessor(field => $"{field} måste fyllas i.");
        m.SetMissingKeyOrValueAccessor(() => "Ett värde måste fyllas i.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Formuläret var tomt.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Värdet ”{value}” är ogiltigt.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är ogiltigt.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Värdet måste vara ett tal.");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}: värdet är ogiltigt.");
        m.SetValueIsInvalidAccessor(value => $"Värdet ”{value}” är ogiltigt.");
        m.SetValueMustBeANumberAccessor(field => $"{field} måste vara ett tal.");
        m.SetValueMustNotBeNullAccessor(field => $"{field} måste fyllas i.");
        options.ModelMetadataDetailsProviders.Add(new MessageProvider());
    }

    /// <summary>Gives each validation attribute without its own message a Swedish one.</summary>
    private sealed class MessageProvider : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
                {
                    continue;
                }

                attribute.ErrorMessage = attribute switch
                {
                    RequiredAttribute => "{0} måste fyllas i.",
                    StringLengthAttribute { MinimumLength: > 0 } => "{0} ska vara mellan {2} och {1} tecken.",
                    StringLengthAttribute => "{0} får vara högst {1} tecken.",
                    RangeAttribute => "{0} ska vara mellan {1} och {2}.",
                    MinLengthAttribute => "{0} ska vara minst {1} tecken.",
                    MaxLengthAttribute => "{0} får vara högst {1} tecken.",
                    _ => "{0} är ogiltigt.",
                };
            }
        }
    }
}
