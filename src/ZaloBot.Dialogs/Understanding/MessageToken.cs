namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// One syllable or word of a message after normalisation.
/// <paramref name="Folded"/>: no diacritics, đ → d ("hoa"); <paramref name="ToneKey"/>: vowel marks kept and the
/// tone as a trailing digit so both tone placements agree ("hoà", "hòa" → "hoa2"); <paramref name="Sentence"/>:
/// the 0-based sentence the token came from.
/// </summary>
public readonly record struct MessageToken(string Folded, string ToneKey, int Sentence);
