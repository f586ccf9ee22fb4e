"""Neural Arabic NER: char-CNN + project-trained word vectors + BiLSTM, run in numpy (torch only to train)."""
