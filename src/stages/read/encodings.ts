/** The values `--encoding` accepts, apart from the decoder so that parsing options loads no reader. `gbk` and `gb2312` are read as GB18030, their superset. */
export const ENCODING_CHOICES = ['auto', 'utf-8', 'gb18030', 'gbk', 'gb2312', 'utf-16', 'utf-16le', 'utf-16be'] as const;
