using System.Collections.Immutable;
using System.Text;

namespace Aus.Simulator.Search;

/// <summary>
/// Parses the subset of OCM's search language that AUS sends: conditions joined by <c>and</c>, each
/// <c>=</c>, <c>!=</c>, <c>&gt;=</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&lt;</c>, <c>[not] in (...)</c> or <c>[not] like</c>,
/// values in single quotes with doubled quotes inside. Anything else is refused so a client bug shows.
/// </summary>
internal static class SearchParser
{
    public static SearchParseResult Parse(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return new SearchParseResult([], null);
        }

        var tokens = new List<Token>();
        var error = Tokenize(search, tokens);
        if (error is not null)
        {
            return Fail(error);
        }

        var conditions = ImmutableArray.CreateBuilder<SearchCondition>();
        var i = 0;
        while (true)
        {
            var (condition, conditionError) = ParseCondition(tokens, ref i);
            if (condition is null)
            {
                return Fail(conditionError!);
            }

            conditions.Add(condition);
            if (i == tokens.Count)
            {
                return new SearchParseResult(conditions.ToImmutable(), null);
            }

            if (!tokens[i].IsWord("and"))
            {
                return Fail($"expected 'and' at position {tokens[i].Position + 1} but found '{tokens[i].Text}' (the simulator supports only conditions joined by 'and')");
            }

            i++;
        }
    }

    private static SearchParseResult Fail(string error) => new([], error);

    private static (SearchCondition? Condition, string? Error) ParseCondition(List<Token> tokens, ref int i)
    {
        if (i >= tokens.Count || tokens[i].Kind != TokenKind.Word || IsKeyword(tokens[i].Text))
        {
            return (null, i < tokens.Count ? $"expected a field name at position {tokens[i].Position + 1}" : "expected a field name at the end of the search");
        }

        var field = tokens[i++].Text;
        if (i >= tokens.Count)
        {
            return (null, $"expected an operator after '{field}'");
        }

        var negated = false;
        if (tokens[i].IsWord("not"))
        {
            negated = true;
            i++;
            if (i >= tokens.Count)
            {
                return (null, $"expected 'in' or 'like' after '{field} not'");
            }
        }

        var op = tokens[i];
        i++;
        if (op.IsWord("in"))
        {
            var (values, error) = ParseList(tokens, ref i);
            return values is null ? (null, error) : (new SearchCondition(field, negated ? SearchOperator.NotIn : SearchOperator.In, values.Value), null);
        }

        SearchOperator? simple = op switch
        {
            _ when op.IsWord("like") => negated ? SearchOperator.NotLike : SearchOperator.Like,
            _ when negated => null,
            { Kind: TokenKind.Symbol, Text: "=" } => SearchOperator.Equal,
            { Kind: TokenKind.Symbol, Text: "!=" or "<>" } => SearchOperator.NotEqual,
            { Kind: TokenKind.Symbol, Text: ">=" } => SearchOperator.GreaterOrEqual,
            { Kind: TokenKind.Symbol, Text: "<=" } => SearchOperator.LessOrEqual,
            { Kind: TokenKind.Symbol, Text: ">" } => SearchOperator.Greater,
            { Kind: TokenKind.Symbol, Text: "<" } => SearchOperator.Less,
            _ => null,
        };
        if (simple is null)
        {
            return (null, $"unsupported operator '{op.Text}' after '{field}' (supported: =, !=, >=, <=, >, <, in, not in, like, not like)");
        }

        if (i >= tokens.Count || !tokens[i].IsValue)
        {
            return (null, $"expected a value after '{field} {op.Text}'");
        }

        return (new SearchCondition(field, simple.Value, [tokens[i++].Text]), null);
    }

    private static (ImmutableArray<string>? Values, string? Error) ParseList(List<Token> tokens, ref int i)
    {
        if (i >= tokens.Count || tokens[i].Text != "(" || tokens[i].Kind != TokenKind.Symbol)
        {
            return (null, "expected '(' after 'in'");
        }

        i++;
        var values = ImmutableArray.CreateBuilder<string>();
        while (true)
        {
            if (i >= tokens.Count || !tokens[i].IsValue)
            {
                return (null, "expected a value in the 'in' list");
            }

            values.Add(tokens[i++].Text);
            if (i < tokens.Count && tokens[i] is { Kind: TokenKind.Symbol, Text: "," })
            {
                i++;
                continue;
            }

            if (i < tokens.Count && tokens[i] is { Kind: TokenKind.Symbol, Text: ")" })
            {
                i++;
                return (values.ToImmutable(), null);
            }

            return (null, "expected ',' or ')' in the 'in' list");
        }
    }

    private static bool IsKeyword(string word) =>
        word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase)
        || word.Equals("in", StringComparison.OrdinalIgnoreCase) || word.Equals("like", StringComparison.OrdinalIgnoreCase)
        || word.Equals("not", StringComparison.OrdinalIgnoreCase);

    private static string? Tokenize(string text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var start = i;
                var value = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return $"unterminated string starting at position {start + 1}";
                    }

                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(text[i++]);
                }

                tokens.Add(new Token(TokenKind.String, value.ToString(), start));
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
            else if (c is '=' or ',' or '(' or ')')
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), i));
                i++;
            }
            else if (c is '<' or '>' or '!')
            {
                var start = i;
                i++;
                if (i < text.Length && (text[i] == '=' || (c == '<' && text[i] == '>')))
                {
                    i++;
                }

                var symbol = text[start..i];
                if (symbol == "!")
                {
                    return $"unexpected '!' at position {start + 1}";
                }

                tokens.Add(new Token(TokenKind.Symbol, symbol, start));
            }
            else
            {
                return $"unexpected character '{c}' at position {i + 1}";
            }
        }

        return null;
    }

    private enum TokenKind
    {
        Word,
        String,
        Symbol,
    }

    private sealed record Token(TokenKind Kind, string Text, int Position)
    {
        // Bare words are accepted as values too (managed=true), as OCM does.
        public bool IsValue => Kind == TokenKind.String || (Kind == TokenKind.Word && !IsKeyword(Text));

        public bool IsWord(string word) => Kind == TokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);
    }
}
