using System.Buffers;

namespace Aus.Policies.Yaml;

/// <summary>
/// A fast parser for the plain YAML that policy files and fleet snapshots are written in: block
/// mappings and lists, one-line flow lists and mappings, plain scalars, one-line quoted scalars
/// without escapes, comments, printable ASCII only. It builds the tree YamlDotNet's events would
/// give (same nodes, texts and positions), or gives up (null) on anything else: anchors, aliases,
/// tags, block and multi-line scalars, empty values, document markers, duplicate keys, tabs, CR,
/// non-ASCII text, and every syntax error. Giving up is always safe: the file is then parsed
/// again by <see cref="YamlTreeParser"/>, which also reports what is wrong with it. Reading a
/// large fleet snapshot this way takes a fraction of the time YamlDotNet's scanner does.
/// </summary>
internal sealed class PlainYamlParser
{
    /// <summary>Below <see cref="YamlTreeParser.MaxDepth"/>: deeper files are left to YamlDotNet, which reports them.</summary>
    private const int MaxDepth = 40;

    /// <summary>YAML limits a key on one line to 1024 characters; longer ones are left to YamlDotNet.</summary>
    private const int MaxKeyLength = 1000;

    /// <summary>Past this many keys a mapping is left to YamlDotNet, so that duplicate keys can be found by scanning.</summary>
    private const int MaxKeys = 128;

    // Printable ASCII and the line feed: anything else (tab, CR, BOM, other control or non-ASCII characters) goes to YamlDotNet.
    private static readonly SearchValues<char> Handled = SearchValues.Create(
        "\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Scalars up to this long are shared: keys, versions and channels repeat thousands of times in a fleet.</summary>
    private const int MaxSharedLength = 32;

    /// <summary>How many different scalars are shared at most; past that, new ones are allocated as usual.</summary>
    private const int MaxShared = 4096;

    private readonly string _text;
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _sharedBySpan;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private PlainYamlParser(string text)
    {
        _text = text;
        _sharedBySpan = _shared.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The root of <paramref name="text"/>'s tree, or null if the text is outside what this parser reads.</summary>
    public static YamlNode? TryParse(string text)
    {
        if (text.AsSpan().ContainsAnyExcept(Handled))
        {
            return null;
        }

        var parser = new PlainYamlParser(text);
        if (!parser.SkipToContent())
        {
            return null;
        }

        var root = parser.BlockNode(0);
        return root is null || parser.SkipToContent() ? null : root;
    }

    // The text has no NUL (checked above), so NUL stands for its end.
    private char Peek(int offset = 0) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private static bool IsBlankOrEnd(char c) => c is ' ' or '\n' or '\0';

    private int Indent => _position - _lineStart;

    private int Column => _position - _lineStart + 1;

    private bool AtBlockEntry => Peek() == '-' && IsBlankOrEnd(Peek(1));

    private bool AtMappingValue => Peek() == ':' && IsBlankOrEnd(Peek(1));

    /// <summary>Skips spaces, comments and line ends; true when content follows, false at the end of the text.</summary>
    private bool SkipToContent()
    {
        while (true)
        {
            SkipSpaces();
            switch (Peek())
            {
                case '\0':
                    return false;
                case '#':
                    SkipComment();
                    break;
                case '\n':
                    _position++;
                    _line++;
                    _lineStart = _position;
                    break;
                default:
                    return true;
            }
        }
    }

    /// <summary>Skips spaces and a comment; true when nothing else is left on the line.</summary>
    private bool AtLineEnd()
    {
        var start = _position;
        SkipSpaces();
        if (Peek() == '#' && (_position > start || _position == _lineStart))
        {
            SkipComment();
        }

        return Peek() is '\n' or '\0';
    }

    private void SkipSpaces()
    {
        while (Peek() == ' ')
        {
            _position++;
        }
    }

    private void SkipComment()
    {
        while (Peek() is not ('\n' or '\0'))
        {
            _position++;
        }
    }

    /// <summary>A node in block context, starting at the current position (at content) whose column is <paramref name="indent"/> + 1.</summary>
    private YamlNode? BlockNode(int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var indent = Indent;
        if (AtBlockEntry)
        {
            return BlockSequence(indent, depth);
        }

        if (Peek() is '[' or '{')
        {
            var flow = FlowNode(depth);
            return flow is not null && AtLineEnd() ? flow : null;
        }

        var scalar = Scalar(inFlow: false);
        if (scalar is null)
        {
            return null;
        }

        if (AtMappingValue)
        {
            return BlockMapping(indent, scalar, depth);
        }

        return AtLineEnd() ? scalar : null;
    }

    /// <summary>A block mapping whose first key has been read, the position at its ':'.</summary>
    private YamlMapping? BlockMapping(int indent, YamlScalar firstKey, int depth)
    {
        var mapping = new YamlMapping(firstKey.Line, firstKey.Column);
        var key = firstKey;
        while (true)
        {
            if (key.Text.Length > MaxKeyLength || mapping.Entries.Count >= MaxKeys || mapping.Find(key.Text) is not null)
            {
                return null;
            }

            _position++;
            var value = MappingValue(indent, depth);
            if (value is null)
            {
                return null;
            }

            mapping.Entries.Add(new YamlEntry(key, value));
            if (!SkipToContent() || Indent < indent)
            {
                return mapping;
            }

            if (Indent > indent)
            {
                return null;
            }

            key = Scalar(inFlow: false);
            if (key is null || !AtMappingValue)
            {
                return null;
            }
        }
    }

    /// <summary>The value after a block mapping's ':' (the position just past it): on the same line, or below.</summary>
    private YamlNode? MappingValue(int indent, int depth)
    {
        if (AtLineEnd())
        {
            if (!SkipToContent())
            {
                return null;
            }

            if (Indent > indent)
            {
                return BlockNode(depth + 1);
            }

            // A list may sit at its key's own indentation ("key:" then "- item").
            return Indent == indent && AtBlockEntry ? BlockSequence(indent, depth + 1) : null;
        }

        if (Peek() is '[' or '{')
        {
            var flow = FlowNode(depth + 1);
            return flow is not null && AtLineEnd() ? flow : null;
        }

        var scalar = Scalar(inFlow: false);
        return scalar is not null && AtLineEnd() ? scalar : null;
    }

    /// <summary>A block list whose first '-' is at the current position.</summary>
    private YamlSequence? BlockSequence(int indent, int depth)
    {
        var sequence = new YamlSequence(_line, Column);
        while (true)
        {
            _position++;
            if (AtLineEnd() && (!SkipToContent() || Indent <= indent))
            {
                return null;
            }

            var item = BlockNode(depth + 1);
            if (item is null)
            {
                return null;
            }

            sequence.Items.Add(item);
            if (!SkipToContent() || Indent < indent)
            {
                return sequence;
            }

            if (Indent > indent)
            {
                return null;
            }

            // Something else at the same indentation ends a list that sits at its key's indentation.
            if (!AtBlockEntry)
            {
                return sequence;
            }
        }
    }

    /// <summary>A flow list or mapping on one line, or a scalar inside one.</summary>
    private YamlNode? FlowNode(int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        return Peek() switch
        {
            '[' => FlowSequence(depth),
            '{' => FlowMapping(depth),
            _ => Scalar(inFlow: true),
        };
    }

    private YamlSequence? FlowSequence(int depth)
    {
        var sequence = new YamlSequence(_line, Column);
        _position++;
        SkipSpaces();
        if (Peek() == ']')
        {
            _position++;
            return sequence;
        }

        while (true)
        {
            var item = FlowNode(depth + 1);
            if (item is null)
            {
                return null;
            }

            sequence.Items.Add(item);
            switch (FlowSeparator(']'))
            {
                case FlowNext.Item:
                    continue;
                case FlowNext.End:
                    return sequence;
                default:
                    return null;
            }
        }
    }

    private YamlMapping? FlowMapping(int depth)
    {
        var mapping = new YamlMapping(_line, Column);
        _position++;
        SkipSpaces();
        if (Peek() == '}')
        {
            _position++;
            return mapping;
        }

        while (true)
        {
            var key = Scalar(inFlow: true);
            if (key is null || Peek() != ':' || Peek(1) != ' '
                || key.Text.Length > MaxKeyLength || mapping.Entries.Count >= MaxKeys || mapping.Find(key.Text) is not null)
            {
                return null;
            }

            _position++;
            SkipSpaces();
            var value = FlowNode(depth + 1);
            if (value is null)
            {
                return null;
            }

            mapping.Entries.Add(new YamlEntry(key, value));
            switch (FlowSeparator('}'))
            {
                case FlowNext.Item:
                    continue;
                case FlowNext.End:
                    return mapping;
                default:
                    return null;
            }
        }
    }

    private enum FlowNext
    {
        Item,
        End,
        Other,
    }

    /// <summary>After an item of a flow collection: a ',' and another item, or the closing bracket.</summary>
    private FlowNext FlowSeparator(char close)
    {
        SkipSpaces();
        if (Peek() == close)
        {
            _position++;
            return FlowNext.End;
        }

        if (Peek() != ',')
        {
            return FlowNext.Other;
        }

        _position++;
        SkipSpaces();

        // A trailing comma is left to YamlDotNet.
        return Peek() is ',' or ']' or '}' ? FlowNext.Other : FlowNext.Item;
    }

    private YamlScalar? Scalar(bool inFlow) => Peek() switch
    {
        '\'' => SingleQuoted(),
        '"' => DoubleQuoted(),
        _ => Plain(inFlow),
    };

    /// <summary>A single-quoted scalar on one line; '' stands for a quote.</summary>
    private YamlScalar? SingleQuoted()
    {
        var line = _line;
        var column = Column;
        var start = _position + 1;
        var hasEscapedQuote = false;
        _position++;
        while (true)
        {
            switch (Peek())
            {
                case '\n' or '\0':
                    return null;
                case '\'' when Peek(1) == '\'':
                    hasEscapedQuote = true;
                    _position += 2;
                    continue;
                case '\'':
                    var text = Text(start, _position - start);
                    _position++;
                    return new YamlScalar(line, column, hasEscapedQuote ? text.Replace("''", "'", StringComparison.Ordinal) : text, isPlain: false, isStringTagged: false);
                default:
                    _position++;
                    continue;
            }
        }
    }

    /// <summary>A double-quoted scalar on one line, without escapes (a backslash is left to YamlDotNet).</summary>
    private YamlScalar? DoubleQuoted()
    {
        var line = _line;
        var column = Column;
        var start = _position + 1;
        _position++;
        while (true)
        {
            switch (Peek())
            {
                case '\n' or '\0' or '\\':
                    return null;
                case '"':
                    var text = Text(start, _position - start);
                    _position++;
                    return new YamlScalar(line, column, text, isPlain: false, isStringTagged: false);
                default:
                    _position++;
                    continue;
            }
        }
    }

    /// <summary>
    /// A plain scalar on one line, ending before ": ", " #", the line end or, in a flow collection,
    /// ',', ']' or '}'; trailing spaces are not part of it. Only common first characters are taken
    /// (indicators such as '-', '?', ':', '&amp;', '*', '!', '|', '&gt;', '%' or '@' start something
    /// else, or are left to YamlDotNet), and brackets inside a scalar are left to YamlDotNet too.
    /// </summary>
    private YamlScalar? Plain(bool inFlow)
    {
        if (!IsPlainStart(Peek(), Peek(1)) || (Column == 1 && IsDocumentMarker()))
        {
            return null;
        }

        var line = _line;
        var column = Column;
        var start = _position;
        var end = _position;
        var lastWordIsStarred = false;
        while (!IsPlainEnd(inFlow))
        {
            var c = Peek();
            if (c is '[' or ']' or '{' or '}' or '#' || (c == ':' && inFlow))
            {
                return null;
            }

            if (c != ' ' && _position > start && _text[_position - 1] == ' ')
            {
                lastWordIsStarred = c == '*';
            }

            _position++;
            if (c != ' ')
            {
                end = _position;
            }
        }

        // YamlDotNet does not end a scalar at ": " after a word starting with '*' ("a *b: 1" is one scalar to it): left to it.
        if (lastWordIsStarred && Peek() == ':')
        {
            return null;
        }

        _position = end;
        return new YamlScalar(line, column, Text(start, end - start), isPlain: true, isStringTagged: false);
    }

    /// <summary>Whether a plain scalar ends here: at the line end, before ": " or " #", or in a flow collection before ',', ']' or '}'.</summary>
    private bool IsPlainEnd(bool inFlow) => Peek() switch
    {
        '\n' or '\0' => true,
        ':' => IsBlankOrEnd(Peek(1)),
        '#' => _text[_position - 1] == ' ',
        ',' or ']' or '}' => inFlow,
        _ => false,
    };

    /// <summary>The text at <paramref name="start"/>, the same string each time for short texts.</summary>
    private string Text(int start, int length)
    {
        var span = _text.AsSpan(start, length);
        if (length > MaxSharedLength)
        {
            return span.ToString();
        }

        if (_sharedBySpan.TryGetValue(span, out var shared))
        {
            return shared;
        }

        var text = span.ToString();
        if (_shared.Count < MaxShared)
        {
            _shared.Add(text, text);
        }

        return text;
    }

    private static bool IsPlainStart(char c, char next) =>
        char.IsAsciiLetterOrDigit(c)
        || c is '.' or '_' or '/' or '+' or '^' or '$' or '(' or '\\' or '~'
        || (c == '-' && (char.IsAsciiLetterOrDigit(next) || next == '.'));

    private bool IsDocumentMarker() =>
        _text.AsSpan(_position).StartsWith("---", StringComparison.Ordinal) || _text.AsSpan(_position).StartsWith("...", StringComparison.Ordinal);
}
