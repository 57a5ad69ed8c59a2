import DeleteOutline from '@mui/icons-material/DeleteOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

/** A skeleton file the author edits in the editor, sent with the dry run. */
export interface EditorFile {
  path: string;
  content: string;
  /** A file that is not UTF-8 text, loaded from a template: sent unchanged, not editable. */
  binaryBase64?: string;
}

/** Props of {@link SkeletonFiles}. */
export interface SkeletonFilesProps {
  files: readonly EditorFile[];
  onChange: (files: EditorFile[]) => void;
}

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 };

/** The skeleton files of a template under edit: path and content of each, add and remove. */
export function SkeletonFiles({ files, onChange }: SkeletonFilesProps) {
  const update = (index: number, change: Partial<EditorFile>) =>
    onChange(files.map((file, i) => (i === index ? { ...file, ...change } : file)));
  return (
    <Box component="section" aria-labelledby="skeleton-files-heading">
      <Typography id="skeleton-files-heading" variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        Skeleton files
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Paths are relative to the template file, e.g. <code>skeleton/README.md</code> for{' '}
        <code>url: ./skeleton</code>.
      </Typography>
      <Stack spacing={2}>
        {files.map((file, index) => (
          // Files are edited in place, path included, so the position is the only stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Box key={index} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField
                size="small"
                fullWidth
                label={`Path of file ${index + 1}`}
                value={file.path}
                onChange={(event) => update(index, { path: event.target.value })}
                slotProps={{ htmlInput: { style: mono } }}
              />
              <IconButton
                aria-label={`Remove ${file.path || `file ${index + 1}`}`}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                <DeleteOutline />
              </IconButton>
            </Stack>
            {file.binaryBase64 === undefined ? (
              <TextField
                multiline
                fullWidth
                minRows={3}
                maxRows={16}
                margin="dense"
                label={`Content of ${file.path || `file ${index + 1}`}`}
                value={file.content}
                onChange={(event) => update(index, { content: event.target.value })}
                slotProps={{ htmlInput: { style: mono, spellCheck: false } }}
              />
            ) : (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                A binary file: sent with the dry run as loaded.
              </Typography>
            )}
          </Box>
        ))}
      </Stack>
      <Button sx={{ mt: 1 }} onClick={() => onChange([...files, { path: 'skeleton/', content: '' }])}>
        Add file
      </Button>
    </Box>
  );
}
