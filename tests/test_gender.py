from newsgraph.gender import honorific_gender, pronoun_gender, words_gender


def test_pronouns_have_gender_and_number():
    assert pronoun_gender("Her") == "f"
    assert pronoun_gender("himself") == "m"
    assert pronoun_gender("its") == "n"
    assert pronoun_gender("them") == "p"
    assert pronoun_gender("Smith") is None


def test_titles_give_sex_only_when_gendered():
    assert honorific_gender("Mrs.") == "f"
    assert honorific_gender("Lord") == "m"
    assert honorific_gender("Dr.") is None


def test_words_agree_or_say_nothing():
    assert words_gender("Mrs. Ada Smith".split()) == "f"
    assert words_gender(["he"]) == "m"
    assert words_gender("Ada Smith".split()) is None
    assert words_gender(["Mr.", "and", "Mrs."]) is None
